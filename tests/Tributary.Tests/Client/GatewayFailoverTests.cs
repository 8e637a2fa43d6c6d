using System.Diagnostics;
using Orleans.Configuration;
using Tributary.Client;
using Tributary.Client.Retries;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using Tributary.Tests.Runs;
using Xunit.Abstractions;

namespace Tributary.Tests.Client;

/// <summary>
/// A gateway silo dies under a connected client (two silos, the client using both gateways): the SDK's calls go on
/// through the other gateway; the same waits made once, without the retry, are shown beside them.
/// </summary>
public sealed class GatewayFailoverTests(ITestOutputHelper output)
{
    private const string GatedFlow = "failover-gated";
    private const string SquareFlow = "failover-square";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    // Guards a fixed bug: a call in flight to a gateway silo that died failed (after the 10 s response timeout), and so
    // did the status, start and wait of `tributary run`/`status`, although the other gateway was alive.
    [Fact]
    public async Task KillGatewaySilo_StatusStartAndWaitsInProgress_SucceedThroughTheOtherGateway()
    {
        await using var cluster = await GatewayPairCluster.StartAsync([Gated(), Square()]);
        var client = await cluster.ConnectAsync();
        // Another connection whose calls are made once, as before the retry: the same waits, through the same gateways.
        var once = await cluster.ConnectAsync(new Dictionary<string, string?> { ["Tributary:Client:ResponseTimeout"] = "00:00:06" });
        var unretried = new TributaryClient(once.Cluster, once.Handlers)
        {
            Retry = new ClusterCallRetry(TimeSpan.Zero, new ClusterOptions { ClusterId = cluster.ClusterId }, gateways: null, TimeProvider.System),
        };
        var existing = await client.StartFlowRunAsync(SquareFlow, new Dictionary<string, object?> { ["n"] = 4 });
        Assert.Equal(FlowRunStatus.Success, (await client.WaitForFlowRunAsync(existing, Patience)).Flow.Status);
        // Runs of their own grains: Orleans spreads a client's grains over its gateways in turn, so both gateways carry
        // some of these runs' calls, whichever silo is killed.
        var gated = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            gated.Add(await client.StartFlowRunAsync(GatedFlow));
            await unretried.GetFlowRunAsync(gated[^1]); // the unretried connection's own route to each run
        }

        var waits = gated.Select(run => client.WaitForFlowRunAsync(run, Patience)).ToArray();
        var clock = new Stopwatch();
        var watched = new SnapshotsAfter(clock); // a wait that reports progress: when does it hear from the run again?
        var watchedWait = client.WaitForFlowRunAsync(gated[0], Patience, watched);
        var unretriedWaits = gated.Select(run => Outcome(unretried.WaitForFlowRunAsync(run, Patience))).ToArray();
        var gateways = client.Retry.Gateways!;

        clock.Start();
        await cluster.KillAsync(0);
        var killed = clock.Elapsed;
        var status = await client.GetFlowRunAsync(existing).WaitAsync(Patience);
        var statusBack = clock.Elapsed;
        var started = await client.StartFlowRunAsync(SquareFlow, new Dictionary<string, object?> { ["n"] = 5 }).WaitAsync(Patience);
        var startBack = clock.Elapsed;
        foreach (var run in gated)
        {
            TaskProbes.Gate(run, "release").TrySetResult();
        }

        var finals = await Task.WhenAll([.. waits, watchedWait]).WaitAsync(Patience);
        var unretriedOutcomes = await Task.WhenAll(unretriedWaits).WaitAsync(Patience);
        var startedFinal = await client.WaitForFlowRunAsync(started, Patience);
        output.WriteLine(
            $"Kill took {killed.TotalSeconds:0.00} s; after it, status answered at {statusBack.TotalSeconds:0.00} s and a new run "
            + $"started at {startBack.TotalSeconds:0.00} s; a wait in progress reported its next snapshot at "
            + $"{await watched.FirstAfterStart.WaitAsync(Patience):0.00} s; waits in progress ended at {clock.Elapsed.TotalSeconds:0.00} s; "
            + $"gateway connections dropped: {gateways.DroppedConnections}.");
        output.WriteLine($"Unretried waits: {string.Join("; ", unretriedOutcomes)}");

        Assert.Equal(FlowRunStatus.Success, status.Flow.Status);
        Assert.Equal(16, (await client.ReadTaskResultAsync<int>(existing, "square")).Value);
        Assert.Equal(FlowRunStatus.Success, startedFinal.Flow.Status);
        Assert.All(finals, final => Assert.Equal(FlowRunStatus.Success, final.Flow.Status));
        Assert.True(gateways.DroppedConnections >= 1, "The client lost no gateway connection: the killed silo carried none of its calls.");
        // Not asserted: which gateway carries which of the unretried connection's calls is Orleans' choice, and in one
        // run of the whole suite all four went through the surviving gateway; when one went through the dead gateway
        // (or to a run on the dead silo), it failed (see the output). ClusterCallRetryTests prove the retry itself.
    }

    /// <summary>Records, in seconds on <paramref name="clock"/>, the first snapshot reported after the clock started.</summary>
    private sealed class SnapshotsAfter(Stopwatch clock) : IProgress<FlowRunSnapshot>
    {
        private readonly TaskCompletionSource<double> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<double> FirstAfterStart => _first.Task;

        public void Report(FlowRunSnapshot value)
        {
            if (clock.IsRunning)
            {
                _first.TrySetResult(clock.Elapsed.TotalSeconds);
            }
        }
    }

    /// <summary>How a wait ended: the run's final status, or the error's type.</summary>
    private static async Task<string> Outcome(Task<FlowRunSnapshot> wait)
    {
        try
        {
            return (await wait).Flow.Status.ToString();
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private static FlowDefinition Gated()
    {
        // wait holds its run until the test opens the gate (a static gate: the task may run again on the other silo).
        var flow = new FlowBuilder(GatedFlow);
        flow.Task("wait", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            await TaskProbes.Gate(context.FlowRunId, "release").Task.WaitAsync(cancellationToken);
            return 1;
        });
        return flow.Build();
    }

    private static FlowDefinition Square()
    {
        var flow = new FlowBuilder(SquareFlow);
        var n = flow.Parameter<int>("n");
        flow.Task("square", (int n) => n * n, new TaskOptions { Checkpoint = true, ResultHandler = global::Tributary.Handlers.ResultHandlers.Json }).WithInput("n", n);
        return flow.Build();
    }
}
