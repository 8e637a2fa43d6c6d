using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tributary.Bench.Configurations;

/// <summary>Azurite from the repository's node_modules, on loopback ports the system picks and a temporary folder, for the durable configuration.</summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;
    private readonly string _folder;

    private AzuriteProcess(Process process, string folder, string connectionString)
    {
        _process = process;
        _folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess?> TryStartAsync()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "package.json")))
        {
            root = Path.GetDirectoryName(root);
        }

        var script = root is null ? null : Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (script is null || !File.Exists(script))
        {
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("tributary-bench-azurite-").FullName;
        // Port 0: the system gives each service a free port as it binds it, and Azurite prints where it listens
        // ("Azurite Blob service is successfully listening at http://127.0.0.1:PORT", even with --silent). No port is
        // chosen beforehand, so none can be taken in between, and an Azurite on the default ports is no obstacle.
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo("node")
            {
                ArgumentList =
                {
                    script, "--silent", "--skipApiVersionCheck", "--location", folder,
                    "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                    "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
        };
        process.OutputDataReceived += (_, e) =>
        {
            var match = e.Data is null ? null : ListeningLine().Match(e.Data);
            if (match is { Success: true })
            {
                lock (ports)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        listening.TrySetResult();
                    }
                }
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ready = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
        if (ready != listening.Task)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            Directory.Delete(folder, recursive: true);
            throw new InvalidOperationException("Azurite did not start; run `npm ci` at the repository root.");
        }

        var endpoint = (string service) => $"http://127.0.0.1:{ports[service]}/devstoreaccount1";
        return new AzuriteProcess(process, folder,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint={endpoint("Blob")};QueueEndpoint={endpoint("Queue")};TableEndpoint={endpoint("Table")};");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGINT stops Azurite cleanly; a kill follows if it lingers.
            using (Process.Start("kill", ["-INT", $"{_process.Id}"]))
            {
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^\s/]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
