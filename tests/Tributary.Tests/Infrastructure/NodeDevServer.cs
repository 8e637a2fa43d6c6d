using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// What the test run's Node.js dev servers (Azurite, s3rver) share: starting one under the watchdog that ends it once
/// the test process is gone, collecting its output, recording its PID for <c>.ci/run</c>, and stopping it.
/// </summary>
internal static class NodeDevServer
{
    private const int OutputLimit = 16_000;

    /// <summary>Starts <c>node --require watchdog script arguments...</c> in <paramref name="root"/>.</summary>
    /// <param name="root">The repository root (where node_modules is).</param>
    /// <param name="script">The server's script.</param>
    /// <param name="arguments">The server's arguments.</param>
    /// <param name="output">Collects the first 16,000 characters of its output, for error messages.</param>
    /// <param name="observe">Sees every line it prints (to learn its ports).</param>
    /// <param name="nodeOptions">Options for node itself, put before the script (none by default).</param>
    /// <exception cref="InvalidOperationException">node cannot be started; the message says what to install.</exception>
    public static Process Launch(
        string root, string script, IEnumerable<string> arguments, StringBuilder output, Action<string> observe, IEnumerable<string>? nodeOptions = null)
    {
        var watchdog = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "azurite-watchdog.js");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["TRIBUTARY_AZURITE_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) },
        };
        foreach (var argument in (nodeOptions ?? []).Concat(["--require", watchdog, script]).Concat(arguments))
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

            observe(e.Data);
            lock (output)
            {
                if (output.Length < OutputLimit)
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

    /// <summary>Lists the server's PID in <c>TRIBUTARY_AZURITE_PID_FILE</c>: <c>.ci/run</c> stops any still running at its end.</summary>
    public static void RecordProcessId(int pid)
    {
        var file = Environment.GetEnvironmentVariable("TRIBUTARY_AZURITE_PID_FILE");
        if (!string.IsNullOrWhiteSpace(file))
        {
            File.AppendAllText(file, pid.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
        }
    }

    /// <summary>What the server printed so far, for an error message.</summary>
    public static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.Length == 0 ? "(none)" : output.ToString();
        }
    }

    /// <summary>Signals the process, gives it <paramref name="timeout"/> to exit, then kills it; disposes it. Synchronous (runs from ProcessExit).</summary>
    /// <param name="process">The server.</param>
    /// <param name="signal">How it is asked to stop (SIGINT for Azurite, SIGTERM for s3rver); false when the signal could not be sent.</param>
    /// <param name="timeout">How long it may take to exit, and then to die after the kill.</param>
    public static void Stop(Process process, Func<int, bool> signal, TimeSpan timeout)
    {
        try
        {
            if (!process.HasExited && (!signal(process.Id) || !process.WaitForExit(timeout)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(timeout);
            }
        }
        catch (InvalidOperationException)
        {
            // The process is already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Deletes the server's data folder, as far as it can.</summary>
    public static void DeleteFolder(string location)
    {
        try
        {
            Directory.Delete(location, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left in the temp folder: the operating system cleans it.
        }
    }
}
