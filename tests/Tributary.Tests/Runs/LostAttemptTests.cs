using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>Attempts lost with their silo (a crash) run again, but a task that keeps losing them fails after MaxLostAttempts.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class LostAttemptTests(TributaryClusterFixture cluster)
{
    private const string Flow = "lost-attempts";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Flow);
        // Never finishes by itself: every attempt waits until its silo dies.
        flow.Task("hang", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            TaskProbes.Count(context);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        });
        yield return flow.Build();
    }

    [Fact]
    public async Task Run_AttemptLostMoreThanMaxLostAttempts_TaskFailsSayingWhy()
    {
        var runId = await cluster.StartAsync(Flow);
        // The default limit is 3 lost attempts; the 4th loss fails the task. Each loss is a crash of the silo running
        // the attempt once storage holds it as running (a graceful deactivation would hand it over instead).
        for (var lost = 1; lost <= 4; lost++)
        {
            await cluster.WaitForTaskAsync(runId, "hang", s => s.Status == TaskRunStatus.Running && TaskProbes.CountOf(runId, "hang") == lost);
            await cluster.WaitForStoredTaskAsync(runId, "hang", s => s.Status == TaskRunStatus.Running && s.Attempt == lost);
            await cluster.CrashSiloOfAsync(cluster.TaskRun(runId, "hang"));
        }

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Failed, final.Status);
        var hang = await cluster.TaskRun(runId, "hang").GetStateAsync();
        Assert.Equal(TaskRunStatus.Failed, hang.Status);
        Assert.Equal(3, hang.LostAttempts);
        Assert.Contains("MaxLostAttempts", hang.Message);
        Assert.Equal(4, TaskProbes.CountOf(runId, "hang"));
    }
}
