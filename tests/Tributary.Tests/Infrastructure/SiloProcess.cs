using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// The <c>src/Silo</c> host run as a process, as a deployment runs it: started with settings in its environment,
/// ready once it logs that it started, and stopped by SIGTERM or killed by SIGKILL.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(string name, Process process, int siloPort, int gatewayPort)
    {
        Name = name;
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>The name the test gave it (in messages).</summary>
    public string Name { get; }

    /// <summary>The port silos talk to it on.</summary>
    public int SiloPort { get; }

    /// <summary>The port clients talk to it on.</summary>
    public int GatewayPort { get; }

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Whether it still runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>What it wrote so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The built <c>Tributary.Silo.dll</c> of the tests' configuration.</summary>
    public static string SiloDll
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var silo = Path.Combine(RepositoryRoot.Path, "src", "Silo", "bin", testOutput.Parent!.Name, testOutput.Name, "Tributary.Silo.dll");
            return File.Exists(silo) ? silo : throw new InvalidOperationException($"The silo is not built at {silo}.");
        }
    }

    /// <summary>How to start the silo in <paramref name="workingFolder"/> with <paramref name="settings"/> as environment variables.</summary>
    public static ProcessStartInfo StartInfo(string workingFolder, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingFolder,
        };
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(SiloDll);
        return start;
    }

    /// <summary>
    /// Starts a silo on loopback ports it is given (silo, gateway, web) with <paramref name="settings"/> on top, and
    /// waits until it logs that it started.
    /// </summary>
    /// <exception cref="InvalidOperationException">It exited first, or did not start within <paramref name="timeout"/>; the message holds its output.</exception>
    public static Task<SiloProcess> StartAsync(string name, string workingFolder, IReadOnlyDictionary<string, string> settings, TimeSpan timeout) =>
        StartAsync(name, workingFolder, settings, SiloPorts.Pick(), timeout);

    /// <summary>
    /// Starts a silo on <paramref name="ports"/> (the same ports as an earlier process: a restart on the same address)
    /// with <paramref name="settings"/> on top, and waits until it logs that it started.
    /// </summary>
    /// <exception cref="InvalidOperationException">It exited first, or did not start within <paramref name="timeout"/>; the message holds its output.</exception>
    public static async Task<SiloProcess> StartAsync(
        string name, string workingFolder, IReadOnlyDictionary<string, string> settings, SiloPorts ports, TimeSpan timeout)
    {
        var all = new Dictionary<string, string>(settings, StringComparer.Ordinal)
        {
            ["Tributary__Cluster__SiloPort"] = ports.Silo.ToString(CultureInfo.InvariantCulture),
            ["Tributary__Cluster__GatewayPort"] = ports.Gateway.ToString(CultureInfo.InvariantCulture),
            ["Tributary__Web__Urls"] = $"http://127.0.0.1:{ports.Web}",
        };
        var silo = new SiloProcess(name, Process.Start(StartInfo(workingFolder, all))!, ports.Silo, ports.Gateway);
        silo.Observe();
        var exited = silo._process.WaitForExitAsync();
        var first = await Task.WhenAny(silo._started.Task, exited, Task.Delay(timeout));
        if (first != silo._started.Task)
        {
            var why = first == exited ? $"exited ({silo._process.ExitCode})" : $"did not start within {timeout}";
            await silo.DisposeAsync();
            throw new InvalidOperationException($"Silo {name} {why}. Output:\n{silo.Output}");
        }

        return silo;
    }

    /// <summary>SIGKILL: the process ends at once, with nothing written and no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops it with SIGTERM (then SIGKILL if it does not end in time).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && UnixSignals.Terminate(_process.Id))
        {
            using var deadline = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed below.
            }
        }

        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Observe()
    {
        void OnLine(object? sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line.Data);
            }

            if (line.Data.Contains("Tributary silo started", StringComparison.Ordinal))
            {
                _started.TrySetResult();
            }
        }

        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }
}
