using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// The deliberate choice for an upstream output that was neither kept nor checkpointed: the upstream runs again and
/// the downstream gets the new output.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class LostOutputTests(TributaryClusterFixture cluster)
{
    private const string Flow = "lost-output";
    private const string CheckpointFlow = "lost-checkpoint";

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var flow = new FlowBuilder(Flow);
        // a finishes at once, not checkpointed; b waits for the test (through m) before it asks a for its output.
        var a = flow.Task(
            "a",
            (TaskRunContext context) => $"alpha#{TaskProbes.Count(context)}",
            new TaskOptions { Checkpoint = false });
        var m = flow.Task("m", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            TaskProbes.Count(context);
            await TaskProbes.Gate(context.FlowRunId, "m").Task.WaitAsync(cancellationToken);
            return 1;
        });
        flow.Task(
            "b",
            (string text, int marker, TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return $"{text}:{marker}";
            },
            a,
            m,
            new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });
        yield return flow.Build();

        var deleted = new FlowBuilder(CheckpointFlow);
        // Like the flow above, but a is checkpointed (local handler) and the test deletes its checkpoint file.
        var checkpointed = deleted.Task(
            "a",
            (TaskRunContext context) => $"alpha#{TaskProbes.Count(context)}",
            new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Local(storage.Directory("lost-checkpoint")) });
        var gate = deleted.Task("m", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            await TaskProbes.Gate(context.FlowRunId, "m").Task.WaitAsync(cancellationToken);
            return 1;
        });
        deleted.Task("b", (string text, int marker) => $"{text}:{marker}", checkpointed, gate, new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });
        yield return deleted.Build();
    }

    [Fact]
    public async Task Run_UpstreamCheckpointDeletedAfterDeactivation_UpstreamRerunsInsteadOfFailingDownstream()
    {
        var runId = await cluster.StartAsync(CheckpointFlow);
        await cluster.WaitForFlowToSeeAsync(runId, "a", TaskRunStatus.Success);
        var stored = (await cluster.TaskRun(runId, "a").GetStateAsync()).Output;
        Assert.NotNull(stored);
        var path = System.Text.Json.JsonSerializer.Deserialize<string>(stored.Json)!;

        await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "a"));
        File.Delete(path);
        TaskProbes.Gate(runId, "m").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(2, TaskProbes.CountOf(runId, "a"));
        var b = await cluster.TaskRun(runId, "b").GetStateAsync();
        Assert.Equal("\"alpha#2:1\"", b.Output?.Json);
    }

    [Fact]
    public async Task Run_UpstreamOutputLostWithItsSilo_UpstreamRerunsAndDownstreamGetsNewOutput()
    {
        var runId = await cluster.StartAsync(Flow);
        await cluster.WaitForFlowToSeeAsync(runId, "a", TaskRunStatus.Success);

        // A crash, not a graceful deactivation (which would store the held output first: see OutputLifetimeTests).
        await cluster.CrashSiloOfAsync(cluster.TaskRun(runId, "a"));
        TaskProbes.Gate(runId, "m").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(2, TaskProbes.CountOf(runId, "a"));
        Assert.Equal(1, TaskProbes.CountOf(runId, "b"));
        var b = await cluster.TaskRun(runId, "b").GetStateAsync();
        Assert.Equal("\"alpha#2:1\"", b.Output?.Json);
        Assert.Equal(1, b.Attempt); // the attempt that found its input lost does not count
        var a = await cluster.TaskRun(runId, "a").GetStateAsync();
        Assert.Equal(TaskRunStatus.Success, a.Status);
    }

    [Fact]
    public async Task Reset_TaskStillHoldingItsOutput_IsLeftAsItIs_WhileALostOneGoesBackToPending()
    {
        var runId = await cluster.StartAsync(Flow);
        await cluster.WaitForFlowToSeeAsync(runId, "a", TaskRunStatus.Success);

        // A second downstream's late "lost" report must not throw away an output that is there.
        Assert.Equal(TaskRunStatus.Success, await cluster.TaskRun(runId, "a").ResetAsync());
        Assert.Equal(TaskRunStatus.Success, (await cluster.TaskRun(runId, "a").GetStateAsync()).Status);

        await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "a"));
        Assert.Equal(TaskRunStatus.Pending, await cluster.TaskRun(runId, "a").ResetAsync());
        TaskProbes.Gate(runId, "m").TrySetResult();
        Assert.Equal(FlowRunStatus.Success, (await cluster.WaitForFlowAsync(runId)).Status);
    }
}
