using System.Diagnostics;
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
            NodeDevServer.RecordProcessId(process.Id);
            return new AzuriteServer(process, location, blob, queue, table);
        }
        catch (Exception ex)
        {
            NodeDevServer.Stop(process, UnixSignals.Interrupt, StopTimeout);
            NodeDevServer.DeleteFolder(location);
            throw ex is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? ex
                : new InvalidOperationException(
                    $"Azurite did not start: {ex.Message} Run `npm ci` in {root} and check that node works. Output:\n{NodeDevServer.Snapshot(output)}", ex);
        }
    }

    private static Process Launch(string root, string script, string location, StringBuilder output, AzuriteServerPorts ports) =>
        NodeDevServer.Launch(
            root,
            script,
            [
                "--silent", "--skipApiVersionCheck", "--location", location,
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
            ],
            output,
            ports.Observe);

}
