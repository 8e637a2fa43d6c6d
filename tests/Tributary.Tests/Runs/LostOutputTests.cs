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
                new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true })
            .WithInput("text", a)
            .WithInput("marker", m);
        yield return flow.Build();
    }

    [Fact]
    public async Task Run_UpstreamOutputLostWithItsActivation_UpstreamRerunsAndDownstreamGetsNewOutput()
    {
        var runId = await cluster.StartAsync(Flow);
        await cluster.WaitForFlowToSeeAsync(runId, "a", TaskRunStatus.Success);

        await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "a"));
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
}
