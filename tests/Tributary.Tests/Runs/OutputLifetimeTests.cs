using Orleans.Runtime;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>An output kept in memory only (no checkpoint) lives exactly as long as a task of its run may need it.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class OutputLifetimeTests(TributaryClusterFixture cluster)
{
    private const string Flow = "output-lifetime";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Flow);
        var up = flow.Task("up", (TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            return $"made by {context.FlowRunId}";
        }, new TaskOptions { Checkpoint = false });
        // Holds "down" back until the test has forced idle collection.
        var gate = flow.Task("gate", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            await TaskProbes.Gate(context.FlowRunId, "open").Task.WaitAsync(cancellationToken);
            return 1;
        }, new TaskOptions { Checkpoint = false });
        flow.Task("down", (string made, int _, TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            TaskProbes.Record(context, made);
            return made.Length;
        }, up, gate, new TaskOptions { Checkpoint = false });
        yield return flow.Build();
    }

    // Guards a fixed bug: idle collection dropped an output not checkpointed while its downstream still needed it, so
    // the upstream ran again (its side effects twice).
    [Fact]
    public async Task Run_IdleCollectionBetweenUpstreamSuccessAndDownstreamStart_UpstreamRunsOnce()
    {
        var runId = await cluster.StartAsync(Flow);
        await cluster.WaitForFlowToSeeAsync(runId, "up", TaskRunStatus.Success);

        await ForceIdleCollectionAsync();
        var heldAfterCollection = cluster.SiloOf(cluster.TaskRun(runId, "up")) is not null;
        TaskProbes.Gate(runId, "open").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.True(heldAfterCollection, "the activation holding up's output was collected while down still needed it");
        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(1, TaskProbes.CountOf(runId, "up"));
        Assert.Equal($"made by {runId}", TaskProbes.ReceivedBy(runId, "down"));
    }

    [Fact]
    public async Task Run_EveryDownstreamSucceeded_OutputIsReleasedToIdleCollection()
    {
        var runId = await cluster.StartAsync(Flow);
        TaskProbes.Gate(runId, "open").TrySetResult();
        await cluster.WaitForFlowAsync(runId);

        // The release is a one-way message: collect until it has arrived (bounded by the fixture's patience).
        var deadline = DateTime.UtcNow + TributaryClusterFixture.Patience;
        while (cluster.SiloOf(cluster.TaskRun(runId, "up")) is not null && DateTime.UtcNow < deadline)
        {
            await ForceIdleCollectionAsync();
        }

        Assert.Null(cluster.SiloOf(cluster.TaskRun(runId, "up")));
    }

    [Fact]
    public async Task Deactivate_TaskHoldingOutputStillNeeded_StoresItThroughItsHandlerAndDoesNotRunAgain()
    {
        var runId = await cluster.StartAsync(Flow);
        await cluster.WaitForFlowToSeeAsync(runId, "up", TaskRunStatus.Success);

        // A graceful deactivation (as a silo stopping for an upgrade gives) of the activation holding the output.
        await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "up"));
        var up = await cluster.TaskRun(runId, "up").GetStateAsync();
        TaskProbes.Gate(runId, "open").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.NotNull(up.Output); // handed over through the configured global handler (a local directory here)
        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(1, TaskProbes.CountOf(runId, "up"));
        Assert.Equal($"made by {runId}", TaskProbes.ReceivedBy(runId, "down"));
    }

    private Task ForceIdleCollectionAsync() =>
        cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
}
