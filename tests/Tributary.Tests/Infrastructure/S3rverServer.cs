using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// An s3rver server (an S3-compatible store written in Node, npm <c>s3rver</c>) on a loopback port the system picks,
/// started once per test run and shared by every test that needs S3 (see <see cref="Shared"/>, <see cref="S3rverFixture"/>).
/// </summary>
/// <remarks>
/// Like <see cref="AzuriteServer"/>: its data lives in a temporary folder deleted when it stops; the shared server stops
/// at the end of the run (SIGTERM, then a kill after 10 s; see <see cref="TributaryTestFramework"/>) or at the latest
/// when the test process exits; the server process exits by itself once the test process is gone (the same preloaded
/// watchdog as Azurite's), and its PID goes to <c>TRIBUTARY_AZURITE_PID_FILE</c> when set, which .ci/run checks.
/// </remarks>
public sealed partial class S3rverServer : IAsyncDisposable
{
    /// <summary>The access key s3rver accepts by default (public: its built-in default).</summary>
    public const string AccessKey = "S3RVER";

    /// <summary>The secret key s3rver accepts by default (public: its built-in default).</summary>
    public const string SecretKey = "S3RVER";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly Lazy<Task<S3rverServer>> SharedServer = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process _process;
    private readonly string _location;
    private int _stopped;

    private S3rverServer(Process process, string location, int port)
    {
        _process = process;
        _location = location;
        Port = port;
    }

    /// <summary>The server shared by the whole test run, started on first use.</summary>
    public static Task<S3rverServer> Shared => SharedServer.Value;

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The server's URL, for <c>Tributary:S3:ServiceUrl</c>.</summary>
    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Whether the server process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>A client of the server with its default credentials and path-style addressing, as a test reads objects directly.</summary>
    public AmazonS3Client CreateClient() =>
        new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config { ServiceURL = ServiceUrl, ForcePathStyle = true });

    /// <summary>Stops the shared server if it was started (at the end of the run; see <see cref="TributaryTestFramework"/>).</summary>
    public static async Task StopSharedAsync()
    {
        if (SharedServer.IsValueCreated && SharedServer.Value.IsCompletedSuccessfully)
        {
            await (await SharedServer.Value).DisposeAsync();
        }
    }

    /// <summary>Stops the server: SIGTERM, up to 10 s to exit, then a kill; deletes its data folder.</summary>
    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static async Task<S3rverServer> StartSharedAsync()
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

        NodeDevServer.Stop(_process, UnixSignals.Terminate, StopTimeout);
        NodeDevServer.DeleteFolder(_location);
    }
}
