using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Tributary.Tests.Infrastructure;

public sealed partial class AzuriteServer
{
    private const string ScriptPath = "node_modules/azurite/dist/src/azurite.js";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Starts a server of its own on ports the system picks (most tests want <see cref="Shared"/> instead).</summary>
    /// <remarks>
    /// Azurite is started on port 0 for each service, so the operating system gives it free ports as it binds them, and
    /// the ports are read from the lines Azurite prints once it listens ("... service is successfully listening at
    /// http://127.0.0.1:PORT", printed even with <c>--silent</c>). No port is chosen beforehand, so none can be taken by
    /// another process between choosing and binding, and nothing collides with an Azurite on its default ports.
    /// </remarks>
    /// <exception cref="InvalidOperationException">Azurite is not installed or did not become ready; the message says what to do.</exception>
    public static async Task<AzuriteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Path;
        var script = System.IO.Path.Combine(root, ScriptPath);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} is missing): run `npm ci` in {root}.");
        }

        var location = Directory.CreateTempSubdirectory("tributary-azurite-").FullName;
        var output = new StringBuilder();
        var ports = new AzuriteServerPorts();
        var process = Launch(root, script, location, output, ports);
        try
        {
            var (blob, queue, table) = await ports.WaitUntilListeningAsync(process, ReadyTimeout, cancellationToken).ConfigureAwait(false);
            RecordProcessId(process.Id);
            return new AzuriteServer(process, location, blob, queue, table);
        }
        catch (Exception ex)
        {
            StopProcess(process);
            DeleteLocation(location);
            throw ex is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? ex
                : new InvalidOperationException(
                    $"Azurite did not start: {ex.Message} Run `npm ci` in {root} and check that node works. Output:\n{Snapshot(output)}", ex);
        }
    }

    private static Process Launch(string root, string script, string location, StringBuilder output, AzuriteServerPorts ports)
    {
        var watchdog = System.IO.Path.Combine(AppContext.BaseDirectory, "Infrastructure", "azurite-watchdog.js");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["TRIBUTARY_AZURITE_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) },
        };
        foreach (var argument in new[]
                 {
                     "--require", watchdog, script, "--silent", "--skipApiVersionCheck", "--location", location,
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            ports.Observe(e.Data);
            lock (output)
            {
                if (output.Length < 16_000)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"Cannot start `node` ({ex.Message}): install Node.js and run `npm ci` in {root}.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void RecordProcessId(int pid)
    {
        var file = Environment.GetEnvironmentVariable("TRIBUTARY_AZURITE_PID_FILE");
        if (!string.IsNullOrWhiteSpace(file))
        {
            File.AppendAllText(file, pid.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.Length == 0 ? "(none)" : output.ToString();
        }
    }
}
