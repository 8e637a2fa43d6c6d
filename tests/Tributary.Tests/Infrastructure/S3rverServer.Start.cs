using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tributary.Tests.Infrastructure;

public sealed partial class S3rverServer
{
    private const string ScriptPath = "node_modules/s3rver/bin/s3rver.js";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Starts a server of its own on a port the system picks (most tests want <see cref="Shared"/> instead).</summary>
    /// <remarks>
    /// s3rver is started on port 0 and the port is read from the line it prints once it listens ("S3rver listening on
    /// 127.0.0.1:PORT", printed even with <c>--silent</c>), so no port is chosen beforehand and none can be taken between
    /// choosing and binding.
    /// </remarks>
    /// <exception cref="InvalidOperationException">s3rver is not installed or did not become ready; the message says what to do.</exception>
    public static async Task<S3rverServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Path;
        var script = Path.Combine(root, ScriptPath);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"s3rver is not installed ({script} is missing): run `npm ci` in {root}.");
        }

        var location = Directory.CreateTempSubdirectory("tributary-s3rver-").FullName;
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Launch(root, script, location, output, listening);
        try
        {
            var exited = process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(listening.Task, exited).WaitAsync(ReadyTimeout, cancellationToken).ConfigureAwait(false);
            if (first != listening.Task)
            {
                await exited.ConfigureAwait(false);
                throw new InvalidOperationException($"it exited with code {process.ExitCode} before it listened.");
            }

            var port = await listening.Task.ConfigureAwait(false);
            NodeDevServer.RecordProcessId(process.Id);
            return new S3rverServer(process, location, port);
        }
        catch (Exception ex)
        {
            NodeDevServer.Stop(process, UnixSignals.Terminate, StopTimeout);
            NodeDevServer.DeleteFolder(location);
            var reason = ex is TimeoutException ? $"it did not say where it listens within {ReadyTimeout.TotalSeconds:0} s." : ex.Message;
            throw ex is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? ex
                : new InvalidOperationException(
                    $"s3rver did not start: {reason} Run `npm ci` in {root} and check that node works. Output:\n{NodeDevServer.Snapshot(output)}", ex);
        }
    }

    private static Process Launch(string root, string script, string location, StringBuilder output, TaskCompletionSource<int> listening) =>
        NodeDevServer.Launch(
            root,
            script,
            ["--directory", location, "--address", "127.0.0.1", "--port", "0", "--silent"],
            output,
            line =>
            {
                if (ListeningLine().Match(line) is { Success: true } match)
                {
                    listening.TrySetResult(int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture));
                }
            },
            // s3rver makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17 and later) keeps in its
            // legacy provider: without it every listing that has a next page fails with 500 InternalError.
            nodeOptions: ["--openssl-legacy-provider"]);

    [GeneratedRegex(@"S3rver listening on [^\s:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
