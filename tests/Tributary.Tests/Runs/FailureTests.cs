using System.Diagnostics;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>A task that fails for good, or runs past its timeout, fails the run; its downstream tasks do not run.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class FailureTests(TributaryClusterFixture cluster)
{
    private const string UpstreamFlow = "upstream-failure";
    private const string TimeoutFlow = "timeout";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var upstream = new FlowBuilder(UpstreamFlow);
        var broken = upstream.Task("broken", int (TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            throw new InvalidOperationException("the source is broken");
        });
        var next = upstream.Task("next", (int value, TaskRunContext context) => TaskProbes.Count(context) + value, broken);
        upstream.Task("last", (int value, TaskRunContext context) => TaskProbes.Count(context) + value, next);
        upstream.Task("independent", (TaskRunContext context) => TaskProbes.Count(context));
        yield return upstream.Build();

        var timeout = new FlowBuilder(TimeoutFlow);
        timeout.Task(
            "slow",
            async (TaskRunContext context, CancellationToken cancellationToken) =>
            {
                TaskProbes.Count(context);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    TaskProbes.Mark(context.FlowRunId, "cancelled");
                    throw;
                }

                return 1;
            },
            new TaskOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        yield return timeout.Build();
    }

    [Fact]
    public async Task Run_TaskFailsWithNoRetries_DownstreamUpstreamFailedNamingItAndRunFailed()
    {
        var runId = await cluster.StartAsync(UpstreamFlow);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Failed, final.Status);
        Assert.Contains("broken", final.Message);
        var broken = await cluster.TaskRun(runId, "broken").GetStateAsync();
        Assert.Equal((TaskRunStatus.Failed, 1), (broken.Status, broken.Attempt));
        Assert.Contains("the source is broken", broken.Message);
        var next = await cluster.TaskRun(runId, "next").GetStateAsync();
        Assert.Equal(TaskRunStatus.UpstreamFailed, next.Status);
        Assert.Contains("'broken' failed", next.Message);
        var last = await cluster.TaskRun(runId, "last").GetStateAsync();
        Assert.Equal(TaskRunStatus.UpstreamFailed, last.Status);
        Assert.Contains("'next'", last.Message);
        Assert.Contains("'broken'", last.Message);
        Assert.Equal(0, TaskProbes.CountOf(runId, "next") + TaskProbes.CountOf(runId, "last"));
        Assert.Equal(TaskRunStatus.Success, (await cluster.TaskRun(runId, "independent").GetStateAsync()).Status);
    }

    [Fact]
    public async Task Run_TaskExceedsTimeout_FailsSayingItTimedOutAndCancelsTheCode()
    {
        var runId = await cluster.StartAsync(TimeoutFlow);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Failed, final.Status);
        var slow = await cluster.TaskRun(runId, "slow").GetStateAsync();
        Assert.Equal(TaskRunStatus.Failed, slow.Status);
        Assert.Contains("timed out", slow.Message);
        Assert.Contains("00:00:00.3", slow.Message);
        // The code's token was cancelled: it saw the cancellation (polled: the code ends on the thread pool).
        var deadline = Stopwatch.StartNew();
        while (!TaskProbes.IsMarked(runId, "cancelled") && deadline.Elapsed < TributaryClusterFixture.Patience)
        {
            await Task.Delay(25);
        }

        Assert.True(TaskProbes.IsMarked(runId, "cancelled"), "The task's cancellation token was never cancelled.");
    }
}
