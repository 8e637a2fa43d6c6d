using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tributary.Bench.Configurations;

/// <summary>Azurite from the repository's node_modules, on free loopback ports and a temporary folder, for the durable configuration.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
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
        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var process = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--silent", "--skipApiVersionCheck", "--location", folder,
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", $"{blob}", "--queuePort", $"{queue}", "--tablePort", $"{table}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await IsListeningAsync(table) || !await IsListeningAsync(blob))
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException("Azurite did not start; run `npm ci` at the repository root.");
            }

            await Task.Delay(100);
        }

        var endpoint = (int port) => $"http://127.0.0.1:{port}/devstoreaccount1";
        return new AzuriteProcess(process, folder,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint={endpoint(blob)};QueueEndpoint={endpoint(queue)};TableEndpoint={endpoint(table)};");
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

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
