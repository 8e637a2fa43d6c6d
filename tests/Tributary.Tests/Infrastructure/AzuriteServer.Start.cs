using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tributary.Tests.Infrastructure;

public sealed partial class AzuriteServer
{
    private const string ScriptPath = "node_modules/azurite/dist/src/azurite.js";
    private const int Attempts = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Starts a server of its own on free ports (most tests want <see cref="Shared"/> instead).</summary>
    /// <exception cref="InvalidOperationException">Azurite is not installed or did not become ready; the message says what to do.</exception>
    public static async Task<AzuriteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Path;
        var script = System.IO.Path.Combine(root, ScriptPath);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} is missing): run `npm ci` in {root}.");
        }

        // Another process can take a port between choosing and binding it: then Azurite exits, and we try new ports.
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts.Take(3);
            var location = Directory.CreateTempSubdirectory("tributary-azurite-").FullName;
            var output = new StringBuilder();
            var process = Launch(root, script, location, ports, output);
            var server = new AzuriteServer(process, location, ports[0], ports[1], ports[2]);
            try
            {
                await WaitUntilReadyAsync(process, ports, output, root, cancellationToken).ConfigureAwait(false);
                RecordProcessId(process.Id);
                return server;
            }
            catch (AzuriteExitedException) when (attempt < Attempts)
            {
                server.Stop();
            }
            catch
            {
                server.Stop();
                throw;
            }
        }
    }

    private static Process Launch(string root, string script, string location, int[] ports, StringBuilder output)
    {
        var watchdog = System.IO.Path.Combine(AppContext.BaseDirectory, "Infrastructure", "azurite-watchdog.js");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["TRIBUTARY_AZURITE_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        foreach (var argument in new[]
                 {
                     "--require", watchdog, script, "--silent", "--skipApiVersionCheck", "--location", location,
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", Port(ports[0]), "--queuePort", Port(ports[1]), "--tablePort", Port(ports[2]),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start gave no process for node.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Cannot start `node` ({ex.Message}): install Node.js and run `npm ci` in {root}.", ex);
        }

        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

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
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(Process process, int[] ports, StringBuilder output, string root, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new AzuriteExitedException(
                    $"Azurite exited with code {process.ExitCode} before it was ready. Run `npm ci` in {root}. Output:\n{Snapshot(output)}");
            }

            if (await AllListeningAsync(ports, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (deadline.Elapsed > ReadyTimeout)
            {
                throw new InvalidOperationException(
                    $"Azurite did not open ports {string.Join(", ", ports)} within {ReadyTimeout.TotalSeconds:0} s. " +
                    $"Run `npm ci` in {root} and check that node works. Output:\n{Snapshot(output)}");
            }

            // Readiness has no event to wait on: poll the ports.
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> AllListeningAsync(int[] ports, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }

    private static void RecordProcessId(int pid)
    {
        var file = Environment.GetEnvironmentVariable("TRIBUTARY_AZURITE_PID_FILE");
        if (!string.IsNullOrWhiteSpace(file))
        {
            File.AppendAllText(file, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) + Environment.NewLine);
        }
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.Length == 0 ? "(none)" : output.ToString();
        }
    }

    private sealed class AzuriteExitedException(string message) : InvalidOperationException(message);
}
