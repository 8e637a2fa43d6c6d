using System.Diagnostics;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// An Azurite server (Azure Storage emulator: blob, queue, table) on loopback ports the system picks, started once per
/// test run and shared by every test that needs Azure Storage (see <see cref="Shared"/>, <see cref="AzuriteFixture"/>).
/// </summary>
/// <remarks>
/// The shared server stops at the end of the run (SIGINT, then a kill after 10 s; see <see cref="TributaryTestFramework"/>),
/// or at the latest when the test process exits. As further guards, the server process itself exits when the test
/// process is gone (a preloaded watchdog), and, when the environment variable
/// <c>TRIBUTARY_AZURITE_PID_FILE</c> is set (as .ci/run does), its PID is appended there so CI can check nothing is left.
/// </remarks>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    /// <summary>The development storage account's name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The development storage account's well-known key (public: Azurite's built-in default, as in its source).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly Lazy<Task<AzuriteServer>> SharedServer = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process _process;
    private readonly string _location;
    private int _stopped;

    private AzuriteServer(Process process, string location, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _location = location;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>The server shared by the whole test run, started on first use.</summary>
    public static Task<AzuriteServer> Shared => SharedServer.Value;

    /// <summary>The blob service port.</summary>
    public int BlobPort { get; }

    /// <summary>The queue service port.</summary>
    public int QueuePort { get; }

    /// <summary>The table service port.</summary>
    public int TablePort { get; }

    /// <summary>The server's process ID.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The blob service endpoint, with the account in the path.</summary>
    public Uri BlobEndpoint => Endpoint(BlobPort);

    /// <summary>The queue service endpoint, with the account in the path.</summary>
    public Uri QueueEndpoint => Endpoint(QueuePort);

    /// <summary>The table service endpoint, with the account in the path.</summary>
    public Uri TableEndpoint => Endpoint(TablePort);

    /// <summary>The full development-storage connection string for this server's ports.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Stops the shared server if it was started (at the end of the run; see <see cref="TributaryTestFramework"/>).</summary>
    public static async Task StopSharedAsync()
    {
        if (SharedServer.IsValueCreated && SharedServer.Value.IsCompletedSuccessfully)
        {
            await (await SharedServer.Value).DisposeAsync();
        }
    }

    /// <summary>Whether the server process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Stops the server: SIGINT, up to 10 s to exit, then a kill; deletes its data folder.</summary>
    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static Uri Endpoint(int port) => new($"http://127.0.0.1:{port}/{AccountName}");

    private static async Task<AzuriteServer> StartSharedAsync()
    {
        var server = await StartAsync().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    // Synchronous so that it can run from ProcessExit.
    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        NodeDevServer.Stop(_process, UnixSignals.Interrupt, StopTimeout);
        NodeDevServer.DeleteFolder(_location);
    }
}
