using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A run keeps the flow it started with: after a redeploy that changes the flow in the middle of a run, the run finishes
/// on its own version when the new silo still has it, or fails naming both versions when it does not; new runs take the
/// newest version. Each test has a one-silo cluster of its own, whose silo it replaces.
/// </summary>
public sealed class FlowVersionRedeployTests
{
    private const string Flow = "versioned";

    // Version 1: b fails (and retries every 200 ms) until the test marks the run, so the run is in flight, between two
    // attempts of b, when the silo is replaced.
    public static FlowDefinition DefineVersion1()
    {
        var flow = new FlowBuilder(Flow);
        var a = flow.Task("a", (TaskRunContext context) => 20, new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json });
        var b = flow.Task(
            "b",
            (int value, TaskRunContext context) => TaskProbes.IsMarked(context.FlowRunId, "redeployed")
                ? $"v1:{value}"
                : throw new InvalidOperationException("b waits for the redeploy"),
            a,
            new TaskOptions { MaxRetries = int.MaxValue, RetryDelay = TimeSpan.FromMilliseconds(200), Checkpoint = true, ResultHandler = ResultHandlers.Json });
        flow.Task("c", (string text) => $"{text}!", b, new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json });
        return flow.Build();
    }

    // Version 2: b's code changed.
    public static FlowDefinition DefineVersion2()
    {
        var flow = new FlowBuilder(Flow);
        var a = flow.Task("a", (TaskRunContext context) => 20, new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json });
        var b = flow.Task("b", (int value) => $"v2:{value}", a, new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json });
        flow.Task("c", (string text) => $"{text}!", b, new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json });
        return flow.Build();
    }

    [Fact]
    public async Task Redeploy_NewSiloHoldsBothVersions_RunInFlightFinishesOnItsVersionAndANewRunTakesTheNewest()
    {
        await using var cluster = new RedeployableCluster();
        var (version1, version2) = (DefineVersion1().Version, DefineVersion2().Version);
        await cluster.StartAsync(DefineVersion1());
        var runId = await StartInFlightRunAsync(cluster);

        // The old definition beside the new one: the last registered is the newest.
        await cluster.RedeployAsync(DefineVersion1(), DefineVersion2());
        TaskProbes.Mark(runId, "redeployed");
        var final = await cluster.WaitForFlowAsync(runId);
        var newRunId = TributaryClusterFixture.NewRunId();
        await cluster.FlowRun(newRunId).StartAsync(Flow, []);
        var newRun = await cluster.WaitForFlowAsync(newRunId);

        Assert.NotEqual(version1, version2);
        Assert.True(final.Status == FlowRunStatus.Success, $"{final.Status}: {final.Message}");
        Assert.Equal(version1, final.FlowVersion);
        Assert.Equal("\"v1:20!\"", (await cluster.TaskRun(runId, "c").GetStateAsync()).Output?.Json); // b ran version 1's code, after the redeploy
        Assert.Equal(version1, (await cluster.TaskRun(runId, "c").GetStateAsync()).FlowVersion);
        Assert.Equal((FlowRunStatus.Success, version2), (newRun.Status, newRun.FlowVersion));
        Assert.Equal("\"v2:20!\"", (await cluster.TaskRun(newRunId, "c").GetStateAsync()).Output?.Json);
    }

    [Fact]
    public async Task Redeploy_NewSiloHoldsOnlyTheNewVersion_RunInFlightAndItsTasksFailNamingBothVersions()
    {
        await using var cluster = new RedeployableCluster();
        var (version1, version2) = (DefineVersion1().Version, DefineVersion2().Version);
        await cluster.StartAsync(DefineVersion1());
        var runId = await StartInFlightRunAsync(cluster);

        await cluster.RedeployAsync(DefineVersion2());
        var final = await cluster.WaitForFlowAsync(runId);
        // The run fails as soon as it has told its tasks; each task records its failure after its own attempt ends (the
        // abandon call does not wait for that), so a busy machine can see the run failed before b's state says so.
        var b = await cluster.WaitForTaskAsync(runId, "b", state => state.Status.IsFinal());
        var c = await cluster.WaitForTaskAsync(runId, "c", state => state.Status.IsFinal());
        var newRunId = TributaryClusterFixture.NewRunId();
        await cluster.FlowRun(newRunId).StartAsync(Flow, []);
        var newRun = await cluster.WaitForFlowAsync(newRunId);

        Assert.Equal(FlowRunStatus.Failed, final.Status);
        var expected = $"Flow '{Flow}' version {version1} is not registered on this silo; it registers version {version2}.";
        Assert.Equal($"Flow run '{runId}' cannot go on: {expected}", final.Message);
        Assert.True(b.Status == TaskRunStatus.Failed && b.Message!.Contains(expected, StringComparison.Ordinal), $"b: {b.Status}: {b.Message}");
        Assert.True(c.Status == TaskRunStatus.Failed && c.Message!.Contains(expected, StringComparison.Ordinal), $"c: {c.Status}: {c.Message}");
        Assert.Equal((Flow, version1), (c.FlowName, c.FlowVersion)); // never started, yet its state says which run's flow it failed with
        Assert.Equal((TaskRunStatus.Success, version1), ((await cluster.TaskRun(runId, "a").GetStateAsync()).Status, final.FlowVersion));
        Assert.Equal((FlowRunStatus.Success, version2), (newRun.Status, newRun.FlowVersion));
    }

    /// <summary>Starts a run of version 1 and waits until b has failed and waits for its retry.</summary>
    private static async Task<string> StartInFlightRunAsync(RedeployableCluster cluster)
    {
        var runId = TributaryClusterFixture.NewRunId();
        await cluster.FlowRun(runId).StartAsync(Flow, []);
        await cluster.WaitForTaskAsync(runId, "b", state => state.Status == TaskRunStatus.Retrying);
        return runId;
    }
}
