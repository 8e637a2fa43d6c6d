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
}
