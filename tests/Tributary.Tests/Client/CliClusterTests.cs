using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using Tributary.Tests.Runs;

namespace Tributary.Tests.Client;

/// <summary>
/// The <c>tributary</c> command line against a cluster (one silo in this process, Azure Storage membership and state on
/// the shared Azurite): a run id is a promise, and a failed run resumes.
/// </summary>
public sealed class CliClusterTests(CliClusterTests.Silo silo) : IClassFixture<CliClusterTests.Silo>
{
    private const string SquareFlow = "cli-square";
    private const string ResumeFlow = "cli-resume";
    private const string TriggersFlow = "cli-triggers";
    private const string GatedFlow = "cli-gated";

    // Guards a fixed bug: the same run id with other parameters printed the old run's result and exited 0.
    [Fact]
    public async Task Run_SameRunIdOtherParameters_ExitsNonZeroWithOneErrorLineNamingBoth()
    {
        var runId = TributaryClusterFixture.NewRunId();

        var first = await silo.CliAsync("run", SquareFlow, "--param", "n=21", "--run-id", runId);
        var other = await silo.CliAsync("run", SquareFlow, "--param", "n=99", "--run-id", runId);
        var same = await silo.CliAsync("run", SquareFlow, "--param", "n=21", "--run-id", runId);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Result of square: 441", first.Output);
        Assert.NotEqual(0, other.ExitCode);
        var error = Assert.Single(other.Output.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal(
            $"error: Flow run '{runId}' already exists as flow '{SquareFlow}' with parameters n=21; it cannot be started as flow " +
            $"'{SquareFlow}' with parameters n=99. A run id names one run: use a new id, or the same flow and parameters to get the existing run.",
            error.TrimEnd());
        Assert.DoesNotContain("Result of", other.Output);
        Assert.True(same.ExitCode == 0, same.Output); // the same flow and parameters: the existing run, shown again
        Assert.Contains( // the console may wrap the line
            $"Flow run {runId} of {SquareFlow} already exists with these parameters: showing it.", Regex.Replace(same.Output, @"\s+", " "));
        Assert.Contains("Result of square: 441", same.Output);
    }

    [Fact]
    public async Task Resume_FailedRun_RerunsTheFailedTaskShowsTheTableAndExitsZero()
    {
        var runId = TributaryClusterFixture.NewRunId();
        var failed = await silo.CliAsync("run", ResumeFlow, "--run-id", runId);
        TaskProbes.Mark(runId, "fixed");

        var resumed = await silo.CliAsync("resume", runId);
        var again = await silo.CliAsync("resume", runId);

        Assert.True(failed.ExitCode == 1, failed.Output);
        Assert.Contains("UpstreamFailed", failed.Output);
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains($"Flow run {runId} of {ResumeFlow} resumed (1 time).", Regex.Replace(resumed.Output, @"\s+", " "));
        Assert.Contains("  fix: Success (attempt 2)", resumed.Output); // attempt numbers go on
        Assert.Contains("resumed 1 time", resumed.Output); // the table's caption
        Assert.Contains("Result of report: \"fixed 7\"", resumed.Output);
        Assert.Equal((1, 2, 1), (TaskProbes.CountOf(runId, "seed"), TaskProbes.CountOf(runId, "fix"), TaskProbes.CountOf(runId, "report")));
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains($"error: Flow run '{runId}' already succeeded; only a failed or cancelled run can be resumed.", again.Output);
    }

    [Fact]
    public async Task Run_SkippedAndTriggerFailedTasks_ShowsTheirStatusesAndTheLastResultThatExists()
    {
        var (exitCode, output) = await silo.CliAsync("run", TriggersFlow);

        Assert.True(exitCode == 0, output); // a skip and a failure handler with nothing to handle leave the run a success
        Assert.Contains("publish: Skipped", output);
        Assert.Contains("on-failure: TriggerFailed", output);
        Assert.Contains("Result of ok: 5", output); // publish, last in order, has no result
    }

    [Fact]
    public async Task Resume_UnknownRun_ExitsNonZeroNamingTheRun()
    {
        var (exitCode, output) = await silo.CliAsync("resume", "no-such-run");

        Assert.True(exitCode == 3, $"Exit code {exitCode} (3: not found). Output:\n{output}");
        Assert.Contains("error: There is no flow run 'no-such-run' to resume.", output);
    }

    [Fact]
    public async Task Status_UnknownRun_ExitsNotFound()
    {
        var (exitCode, output) = await silo.CliAsync("status", "no-such-run");

        Assert.True(exitCode == 3, $"Exit code {exitCode} (3: not found). Output:\n{output}");
        Assert.Contains("There is no flow run 'no-such-run'.", output);
    }

    // Guards a fixed bug: with storage up and no silo answering, the CLI waited 181 s (Orleans' default connection
    // retries) and printed a stack trace. A fresh cluster id on the shared Azurite: its membership lists no silo.
    [Fact]
    public async Task Status_NoLiveGateway_FailsWithinTheConnectTimeoutWithOneLineNamingTheCluster()
    {
        var clusterId = $"nobody-{Guid.NewGuid():N}";
        var connectionString = (await AzuriteServer.Shared).ConnectionString;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (exitCode, output) = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["Tributary__Cluster__ClusterId"] = clusterId },
            "status", "some-run", "--cluster", connectionString, "--connect-timeout", "2");
        clock.Stop();

        Assert.True(exitCode == 5, $"Exit code {exitCode} (5: unreachable). Output:\n{output}");
        var line = Assert.Single(NonEmptyLines(output));
        // "lists no live gateway" once its membership was read; "has no gateway that answered" should the read itself
        // take the whole timeout on a loaded machine.
        Assert.Matches(
            $"^error: Tributary cluster '{clusterId}' \\(service 'tributary'\\) (lists no live gateway|has no gateway that answered) within 2 s.* Check that its silos are running",
            line);
        // 2 s of retries, plus the process's start on a loaded machine; Orleans' own retries took 181 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"The CLI took {clock.Elapsed}.");
    }

    // Guards a fixed bug: with storage down, the CLI printed Orleans' errors and a stack trace.
    [Fact]
    public async Task Status_StorageDown_FailsWithOneLineUnreachable()
    {
        using var closed = new ClosedPort();
        var storage = $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{closed.Port}/{AzuriteServer.AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{closed.Port}/{AzuriteServer.AccountName};";

        var (exitCode, output) = await CliProcess.RunAsync(new Dictionary<string, string>(), "status", "some-run", "--cluster", storage);

        Assert.True(exitCode == 5, $"Exit code {exitCode} (5: unreachable). Output:\n{output}");
        var line = Assert.Single(NonEmptyLines(output));
        Assert.StartsWith("error: The membership of Tributary cluster 'tributary' could not be read from its clustering storage: ", line);
        Assert.Contains($"127.0.0.1:{closed.Port}", line);
    }

    // Guards a fixed bug: Ctrl-C was ignored by `run --cluster`, which waited for the run's end. Ctrl-C cancels the run.
    [Fact]
    public async Task Run_CtrlC_CancelsTheRunAndShowsItEndCancelled()
    {
        var runId = TributaryClusterFixture.NewRunId();
        using var cli = silo.StartCli("run", GatedFlow, "--run-id", runId);
        await cli.WaitForOutputAsync($"Flow run {runId} of {GatedFlow} started.", TributaryClusterFixture.Patience);

        Assert.True(UnixSignals.Interrupt(cli.Id), "SIGINT could not be sent.");
        var (exitCode, output) = await cli.WaitForExitAsync(TributaryClusterFixture.Patience);
        var final = await silo.Client.WaitForFlowRunAsync(runId, TributaryClusterFixture.Patience);

        Assert.True(exitCode == 130, $"Exit code {exitCode} (130: interrupted). Output:\n{output}");
        Assert.Contains($"Cancelling flow run {runId} (Ctrl-C again to detach and leave it running).", Regex.Replace(output, @"\s+", " ")); // the console may wrap
        Assert.Contains("wait: Cancelled", output); // the table, once the run ended
        Assert.Equal(FlowRunStatus.Cancelled, final.Flow.Status);
        Assert.Contains("Ctrl-C in tributary run", final.Flow.Message);
    }

    [Fact]
    public async Task Run_Detach_ReturnsAtOnceWithTheRunIdWhileTheRunGoesOn()
    {
        var runId = TributaryClusterFixture.NewRunId();

        var (exitCode, output) = await silo.CliAsync("run", GatedFlow, "--run-id", runId, "--detach");
        var running = await silo.Client.GetFlowRunAsync(runId);
        TaskProbes.Gate(runId, "release").TrySetResult();
        var final = await silo.Client.WaitForFlowRunAsync(runId, TributaryClusterFixture.Patience);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Flow run {runId} of {GatedFlow} started.", output);
        Assert.Contains($"Follow it with: tributary status {runId} --cluster CONNECTION_STRING", output);
        Assert.False(running.Flow.Status.IsFinal(), $"The run was {running.Flow.Status} when the CLI returned.");
        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
    }

    private static string[] NonEmptyLines(string output) =>
        output.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToArray();

    /// <summary>A one-silo cluster in this process, registering this class's flows, and how the CLI finds it.</summary>
    public sealed class Silo : IAsyncLifetime
    {
        private readonly TempDirectory _results = new();
        private readonly string _clusterId = $"cli-{Guid.NewGuid():N}";
        private string _connectionString = string.Empty;
        private TributaryClient? _silo;

        /// <summary>The cluster's own client (the silo's), to look at runs the CLI started.</summary>
        public TributaryClient Client => _silo ?? throw new InvalidOperationException("The silo has not started.");

        /// <summary>Starts the CLI against this cluster and returns while it runs.</summary>
        public RunningCli StartCli(params string[] arguments) => CliProcess.Start(
            new Dictionary<string, string> { ["Tributary__Cluster__ClusterId"] = _clusterId, ["Tributary__Cluster__ServiceId"] = _clusterId },
            [.. arguments, "--cluster", _connectionString]);

        /// <summary>Runs the CLI against this cluster.</summary>
        public Task<(int ExitCode, string Output)> CliAsync(params string[] arguments) => CliProcess.RunAsync(
            new Dictionary<string, string> { ["Tributary__Cluster__ClusterId"] = _clusterId, ["Tributary__Cluster__ServiceId"] = _clusterId },
            [.. arguments, "--cluster", _connectionString]);

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            _connectionString = (await AzuriteServer.Shared).ConnectionString;
            // Ports held (bound, not listening) until just before the silo binds them; should another process take one in
            // that gap, the start fails and is tried again with new ports.
            for (var attempt = 1; ; attempt++)
            {
                var ports = HoldPorts();
                try
                {
                    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                    {
                        ["Tributary:Cluster:Mode"] = "AzureStorage",
                        ["Tributary:Cluster:ConnectionString"] = _connectionString,
                        ["Tributary:Cluster:ClusterId"] = _clusterId,
                        ["Tributary:Cluster:ServiceId"] = _clusterId,
                        ["Tributary:Cluster:SiloPort"] = ports.Silo.ToString(CultureInfo.InvariantCulture),
                        ["Tributary:Cluster:GatewayPort"] = ports.Gateway.ToString(CultureInfo.InvariantCulture),
                        ["Tributary:ResultHandler:Kind"] = LocalResultHandler.Kind,
                        ["Tributary:ResultHandler:Settings:directory"] = _results.Path,
                        ["Tributary:ProgressCheckInterval"] = "00:00:01",
                        ["Tributary:Cache:DigestKey"] = Caching.CacheRunTests.DigestKey,
                        [$"Tributary:Secrets:{SecretCliTests.SecretName}"] = SecretCliTests.Canary,
                    }).Build();
                    _silo = await TributaryClientFactory.StartSiloAsync(
                        tributary =>
                        {
                            foreach (var flow in DefineFlows())
                            {
                                tributary.AddFlow(flow);
                            }
                        },
                        configuration);
                    return;
                }
                catch (Exception ex) when (attempt < 3 && SocketErrors.IsAddressInUse(ex))
                {
                    // taken in the gap: new ports
                }
            }
        }

        private static (int Silo, int Gateway) HoldPorts()
        {
            using var silo = new ClosedPort();
            using var gateway = new ClosedPort();
            return (silo.Port, gateway.Port);
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_silo is not null)
            {
                await _silo.DisposeAsync();
            }

            _results.Dispose();
        }

        private static IEnumerable<FlowDefinition> DefineFlows()
        {
            var square = new FlowBuilder(SquareFlow);
            var n = square.Parameter<int>("n");
            square.Task("square", (int n) => n * n, new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json }).WithInput("n", n);
            yield return square.Build();

            // fix fails until the test marks the run fixed; seed is checkpointed and must not run again on resume.
            var resume = new FlowBuilder(ResumeFlow);
            var seed = resume.Task(
                "seed",
                (TaskRunContext context) => TaskProbes.Count(context) * 7,
                new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json });
            var fix = resume.Task(
                    "fix",
                    (int value, TaskRunContext context) =>
                    {
                        TaskProbes.Count(context);
                        return TaskProbes.IsMarked(context.FlowRunId, "fixed") ? $"fixed {value}" : throw new InvalidOperationException("not fixed yet");
                    },
                    new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json })
                .WithInput("value", seed);
            resume.Task(
                    "report",
                    (string text, TaskRunContext context) =>
                    {
                        TaskProbes.Count(context);
                        return text;
                    },
                    new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json })
                .WithInput("text", fix);
            yield return resume.Build();

            // load skips itself, so publish is skipped; ok succeeds, so its failure handler is not needed.
            var triggers = new FlowBuilder(TriggersFlow);
            var load = triggers.Task("load", string () => throw new TaskSkippedException("nothing new"));
            var ok = triggers.Task("ok", () => 5);
            triggers.Task("on-failure", (int? value) => 0, new TaskOptions { Trigger = TaskTrigger.AnyFailed }).WithInput("value", ok);
            triggers.Task("publish", (string text) => text.Length).WithInput("text", load);
            yield return triggers.Build();

            foreach (var flow in Caching.CacheCliTests.DefineFlows())
            {
                yield return flow;
            }

            // wait holds the run until the test opens its gate.
            var gated = new FlowBuilder(GatedFlow);
            gated.Task("wait", async (TaskRunContext context, CancellationToken cancellationToken) =>
            {
                await TaskProbes.Gate(context.FlowRunId, "release").Task.WaitAsync(cancellationToken);
                return 1;
            });
            yield return gated.Build();

            foreach (var flow in CliRunsTests.DefineFlows())
            {
                yield return flow;
            }

            foreach (var flow in CliPagingTests.DefineFlows())
            {
                yield return flow;
            }

            foreach (var flow in Retention.RetentionCliTests.DefineFlows())
            {
                yield return flow;
            }

            foreach (var flow in SecretCliTests.DefineFlows())
            {
                yield return flow;
            }
        }
    }
}
