using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// The ports an Azurite process started on port 0 reports once each service listens, read from its output lines
/// ("Azurite Blob service is successfully listening at http://127.0.0.1:PORT").
/// </summary>
internal sealed partial class AzuriteServerPorts
{
    private static readonly string[] Services = ["Blob", "Queue", "Table"];
    private readonly Dictionary<string, int> _ports = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Reads one output line of the process.</summary>
    public void Observe(string line)
    {
        var match = ListeningLine().Match(line);
        if (!match.Success)
        {
            return;
        }

        lock (_ports)
        {
            _ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            if (Services.All(_ports.ContainsKey))
            {
                _all.TrySetResult();
            }
        }
    }

    /// <summary>Waits until all three services said where they listen.</summary>
    /// <exception cref="InvalidOperationException">The process ended first, or did not say so within <paramref name="timeout"/>.</exception>
    public async Task<(int Blob, int Queue, int Table)> WaitUntilListeningAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var exited = process.WaitForExitAsync(cancellationToken);
        Task first;
        try
        {
            first = await Task.WhenAny(_all.Task, exited).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"it did not report listening ports within {timeout.TotalSeconds:0} s.");
        }

        if (first != _all.Task)
        {
            await exited.ConfigureAwait(false);
            throw new InvalidOperationException($"it exited with code {process.ExitCode} before it listened.");
        }

        lock (_ports)
        {
            return (_ports["Blob"], _ports["Queue"], _ports["Table"]);
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^\s/]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
