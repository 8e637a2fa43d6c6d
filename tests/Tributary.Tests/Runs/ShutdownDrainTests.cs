using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A silo stopped gracefully (a rolling upgrade) is not a crash: running attempts drain within
/// Tributary:ShutdownDrainTimeout (10 s in the test cluster), and those still running then are handed over without using
/// a retry or counting as lost.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class ShutdownDrainTests(TributaryClusterFixture cluster)
{
    private const string Flow = "shutdown-drain";
    private const string HandOverFlow = "shutdown-hand-over";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Flow);
        var work = flow.Task("work", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            TaskProbes.Count(context);
            TaskProbes.Gate(context.FlowRunId, "work-started").TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken); // honours its token
            return 5;
        }, new TaskOptions { MaxRetries = 0 });
        flow.Task("after", (int value) => value * 2, work, new TaskOptions { MaxRetries = 0 });
        yield return flow.Build();

        var handOver = new FlowBuilder(HandOverFlow);
        handOver.Task("stuck", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            if (TaskProbes.Count(context) == 1)
            {
                // Outlasts any drain; ends only when its token is cancelled by the hand-over.
                TaskProbes.Gate(context.FlowRunId, "stuck-started").TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return context.Attempt;
        }, new TaskOptions { MaxRetries = 0 });
        yield return handOver.Build();
    }

    // Guards a fixed bug: a graceful stop cancelled the running attempt, which the next activation counted as lost.
    [Fact]
    public async Task Restart_BothSilosWhileFiveSecondTaskRuns_RunSucceedsWithRetriesAndLostAttemptsUntouched()
    {
        var runId = await cluster.StartAsync(Flow);
        await TaskProbes.Gate(runId, "work-started").Task.WaitAsync(TributaryClusterFixture.Patience);

        foreach (var silo in cluster.Cluster.Silos.ToArray())
        {
            await cluster.Cluster.StartAdditionalSiloAsync();
            await cluster.Cluster.StopSiloAsync(silo);
        }

        var final = await cluster.WaitForFlowAsync(runId);
        var work = await cluster.TaskRun(runId, "work").GetStateAsync();
        var after = await cluster.TaskRun(runId, "after").GetStateAsync();

        Assert.True(final.Status == FlowRunStatus.Success, $"The run ended {final.Status}: {final.Message} (work: {work.Message}; after: {after.Message})");
        Assert.InRange(TaskProbes.CountOf(runId, "work"), 1, 2);
        Assert.Equal(0, work.LostAttempts);
        Assert.Equal(1, work.Attempt - work.InterruptedAttempts); // no retry used
        Assert.Equal(TaskRunStatus.Success, after.Status);
    }

    [Fact]
    public async Task StopSilo_AttemptOutlastsDrain_HandedOverAsInterruptedAndRunsAgainElsewhere()
    {
        var runId = await cluster.StartAsync(HandOverFlow);
        await TaskProbes.Gate(runId, "stuck-started").Task.WaitAsync(TributaryClusterFixture.Patience);
        var silo = cluster.SiloOf(cluster.TaskRun(runId, "stuck")) ?? throw new InvalidOperationException("stuck is not active.");

        await cluster.Cluster.StartAdditionalSiloAsync();
        await cluster.Cluster.StopSiloAsync(silo);
        var final = await cluster.WaitForFlowAsync(runId);
        var stuck = await cluster.TaskRun(runId, "stuck").GetStateAsync();

        Assert.True(final.Status == FlowRunStatus.Success, $"The run ended {final.Status}: {final.Message} (stuck: {stuck.Message})");
        Assert.Equal((2, 1, 0), (stuck.Attempt, stuck.InterruptedAttempts, stuck.LostAttempts));
        Assert.Equal(2, TaskProbes.CountOf(runId, "stuck"));
        Assert.NotEqual(silo.SiloAddress, cluster.SiloOf(cluster.TaskRun(runId, "stuck"))?.SiloAddress);
    }
}
