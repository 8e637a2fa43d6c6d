using System.Collections.Concurrent;
using Tributary.Client;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>The long poll for a run's progress: counts by status and a version, answered when the version moves.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class ProgressWaitTests(TributaryClusterFixture cluster)
{
    private const string Flow = "progress-wait";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Flow);
        var first = flow.Task("first", () => 1);
        var gated = flow.Task("gated", async (int value, TaskRunContext context, CancellationToken cancellationToken) =>
        {
            await TaskProbes.Gate(context.FlowRunId, "open").Task.WaitAsync(cancellationToken);
            return value + 1;
        }, first);
        flow.Task("last", (int value) => value + 1, gated);
        yield return flow.Build();
    }

    [Fact]
    public async Task WaitForChange_RunWaitingOnAGate_HoldsUntilAStatusChangesThenCountsIt()
    {
        var runId = await cluster.StartAsync(Flow);
        await cluster.WaitForFlowToSeeAsync(runId, "gated", TaskRunStatus.Running);
        var grain = cluster.FlowRun(runId);

        var now = await grain.WaitForChangeAsync(null, TimeSpan.FromSeconds(2));
        var unchanged = await grain.WaitForChangeAsync(now.Version, TimeSpan.FromMilliseconds(200));
        var waiting = grain.WaitForChangeAsync(now.Version, TributaryClusterFixture.ResponseTimeout - TimeSpan.FromSeconds(1));
        var heldWhileNothingChanged = !waiting.IsCompleted;
        TaskProbes.Gate(runId, "open").TrySetResult();
        var changed = await waiting;
        await cluster.WaitForFlowAsync(runId);
        var final = await grain.WaitForChangeAsync(changed.Version, TimeSpan.FromSeconds(2));

        Assert.Equal((FlowRunStatus.Running, 1, 1, 1), (now.Status, now.Counts[TaskRunStatus.Success], now.Counts[TaskRunStatus.Running], now.Counts[TaskRunStatus.Pending]));
        Assert.Equal(now.Version, unchanged.Version); // nothing moved within its wait
        Assert.True(heldWhileNothingChanged, "The long poll answered before anything changed.");
        Assert.NotEqual(now.Version, changed.Version);
        Assert.True(changed.Counts[TaskRunStatus.Success] >= 2, string.Join(", ", changed.Counts));
        Assert.Equal((FlowRunStatus.Success, 3), (final.Status, final.Counts[TaskRunStatus.Success]));
        Assert.Single(final.Counts);
    }

    // Guards a fixed cost: a client following a run asked for a full snapshot every 250 ms, changed or not.
    [Fact]
    public async Task WaitForFlowRun_WithProgressWhileTheRunHoldsStill_ReportsOnlyWhatChanged()
    {
        var runId = await cluster.StartAsync(Flow);
        var client = new TributaryClient(cluster.Client, cluster.Handlers, host: null) { WaitSlice = TimeSpan.FromSeconds(2) };
        var reports = new ConcurrentQueue<FlowRunSnapshot>();
        var gatedRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new CallbackProgress(snapshot =>
        {
            reports.Enqueue(snapshot);
            if (snapshot.Tasks.Any(task => task.TaskName == "gated" && task.Status == TaskRunStatus.Running))
            {
                gatedRunning.TrySetResult();
            }
        });

        var following = client.WaitForFlowRunAsync(runId, TributaryClusterFixture.Patience, progress);
        await gatedRunning.Task.WaitAsync(TributaryClusterFixture.Patience);
        // The run holds still until the gate opens; the run itself says when it held still for two seconds.
        var version = (await cluster.FlowRun(runId).WaitForChangeAsync(null, TimeSpan.Zero)).Version;
        var still = await cluster.FlowRun(runId).WaitForChangeAsync(version, TimeSpan.FromSeconds(2));
        var reportsWhileHeld = reports.Count;
        TaskProbes.Gate(runId, "open").TrySetResult();
        var final = await following;

        Assert.Equal(version, still.Version);
        Assert.True(reportsWhileHeld <= 3, $"{reportsWhileHeld} reports while nothing changed.");
        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        Assert.Equal(FlowRunStatus.Success, reports.Last().Flow.Status);
    }

    /// <summary>Reports on the caller's thread, at once (<see cref="Progress{T}"/> would post to another).</summary>
    private sealed class CallbackProgress(Action<FlowRunSnapshot> report) : IProgress<FlowRunSnapshot>
    {
        public void Report(FlowRunSnapshot value) => report(value);
    }
}
