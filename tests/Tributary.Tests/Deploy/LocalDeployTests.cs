using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Deploy;

/// <summary><c>deploy/local</c>, run as the README runs it: start a cluster, use it, stop it cleanly.</summary>
public sealed class LocalDeployTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(4);

    // Guards fixed bugs: the script's stop sent SIGINT, which the silos started in the background ignored (10 s each,
    // then SIGKILL), and it stopped Azurite before the silos, which then logged storage errors.
    [Fact]
    public async Task StartThenStop_OneSilo_ServesTheCliAndStopsTheSilosFirstWithoutKilling()
    {
        using var state = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["TRIBUTARY_CLUSTER_DIR"] = state.Path,
            ["TRIBUTARY_SILO_DLL"] = BuiltBesideTests("src/Silo", "Tributary.Silo.dll"),
            ["TRIBUTARY_FLOWS_DLL"] = BuiltBesideTests("examples/Tributary.Examples", "Tributary.Examples.dll"),
        };
        // Ports held until just before the script binds them (bound, not listening), so nothing else here has them.
        using (var blob = new ClosedPort())
        using (var queue = new ClosedPort())
        using (var table = new ClosedPort())
        using (var silo = new ClosedPort())
        using (var gateway = new ClosedPort())
        using (var web = new ClosedPort())
        {
            environment["TRIBUTARY_STORAGE_PORT"] = blob.Port.ToString(CultureInfo.InvariantCulture);
            environment["TRIBUTARY_QUEUE_PORT"] = queue.Port.ToString(CultureInfo.InvariantCulture);
            environment["TRIBUTARY_TABLE_PORT"] = table.Port.ToString(CultureInfo.InvariantCulture);
            environment["TRIBUTARY_SILO_PORT"] = silo.Port.ToString(CultureInfo.InvariantCulture);
            environment["TRIBUTARY_GATEWAY_PORT"] = gateway.Port.ToString(CultureInfo.InvariantCulture);
            environment["TRIBUTARY_WEB_PORT"] = web.Port.ToString(CultureInfo.InvariantCulture);
        }

        var started = await ScriptAsync(environment, "start", "1");
        try
        {
            Assert.True(started.ExitCode == 0, started.Output);
            Assert.Contains("Cluster up: Azurite and 1 silos", started.Output);
            var connection = File.ReadAllText(Path.Combine(state.Path, "connection-string")).Trim();
            var status = await CliProcess.RunAsync(new Dictionary<string, string>(), "status", "no-such-run", "--cluster", connection);
            Assert.True(status.ExitCode == 3, $"The cluster did not answer (exit code {status.ExitCode}):\n{status.Output}");
        }
        finally
        {
            var stopped = await ScriptAsync(environment, "stop");
            Assert.True(stopped.ExitCode == 0, stopped.Output);
            // The start's output too: when the start failed, this is the assertion that reports it.
            Assert.True(
                new Regex(@"silo-0 \(PID \d+\) stopped\.[\s\S]*azurite \(PID \d+\) (stopped|closed its services; its process was ended)\.").IsMatch(stopped.Output),
                $"stop said:\n{stopped.Output}\nstart said (exit code {started.ExitCode}):\n{started.Output}");
            Assert.DoesNotContain(stopped.Output.Split('\n'), line => line.StartsWith("silo-", StringComparison.Ordinal) && line.Contains("did not stop", StringComparison.Ordinal));
        }

        var siloLog = File.ReadAllText(Path.Combine(state.Path, "silo-0.log"));
        Assert.DoesNotContain(" fail:", siloLog); // no storage errors on the way down
        Assert.Empty(Directory.GetFiles(state.Path, "*.pid"));
    }

    private static async Task<(int ExitCode, string Output)> ScriptAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "deploy", "local"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return await ProcessRunner.RunAsync(start, ScriptTimeout, $"deploy/local {string.Join(' ', arguments)}");
    }

    private static string BuiltBesideTests(string project, string dll)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot.Path, project, "bin", testOutput.Parent!.Name, testOutput.Name, dll);
        Assert.True(File.Exists(path), $"{dll} is not built at {path}.");
        return path;
    }
}
