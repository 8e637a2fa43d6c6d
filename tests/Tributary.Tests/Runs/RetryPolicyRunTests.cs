using System.Collections.Concurrent;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A task's RetryPolicy decides in the engine: an exception it lists fails the task at once; another is retried after
/// the policy's growing delay, recorded in NextRetryAt, until an attempt succeeds.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class RetryPolicyRunTests(TributaryClusterFixture cluster)
{
    private const string PolicyFlow = "retry-policy";

    // When each failed attempt threw, by run and attempt.
    private static readonly ConcurrentDictionary<(string Run, int Attempt), DateTimeOffset> FailedAt = new();

    private static readonly RetryPolicy Policy = new()
    {
        MaximumAttempts = 3,
        FirstDelay = TimeSpan.FromSeconds(2),
        BackoffCoefficient = 2,
        MaximumDelay = TimeSpan.FromSeconds(30),
        NonRetryableExceptionTypes = [typeof(ArgumentException)],
    };

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(PolicyFlow);
        flow.Task(
            "not-retried",
            int (TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                throw new ArgumentException("a bad argument stays bad");
            },
            new TaskOptions { Retry = Policy });
        flow.Task(
            "retried",
            (TaskRunContext context) =>
            {
                if (TaskProbes.Count(context) < 3)
                {
                    FailedAt[(context.FlowRunId, context.Attempt)] = DateTimeOffset.UtcNow;
                    throw new InvalidOperationException("transient");
                }

                return context.Attempt;
            },
            new TaskOptions { Retry = Policy });
        yield return flow.Build();
    }

    [Fact]
    public async Task Retry_PolicyListsOneExceptionAndNotTheOther_ListedFailsAtOnceOtherRetriesAfterGrowingDelays()
    {
        var runId = await cluster.StartAsync(PolicyFlow);

        var first = await cluster.WaitForTaskAsync(runId, "retried", s => s is { Status: TaskRunStatus.Retrying, Attempt: 1 });
        var second = await cluster.WaitForTaskAsync(runId, "retried", s => s is { Status: TaskRunStatus.Retrying, Attempt: 2 });
        var final = await cluster.WaitForFlowAsync(runId);

        // 2 s after the first failure, 4 s after the second (no jitter); the slack is the time the engine took to store it.
        Assert.InRange(first.NextRetryAt!.Value - FailedAt[(runId, 1)], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3.5));
        Assert.InRange(second.NextRetryAt!.Value - FailedAt[(runId, 2)], TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5.5));
        var retried = await cluster.TaskRun(runId, "retried").GetStateAsync();
        Assert.Equal((TaskRunStatus.Success, 3), (retried.Status, retried.Attempt));
        Assert.True(retried.StartedAt + TimeSpan.FromSeconds(6) <= retried.FinishedAt, "the retries waited their delays");
        var notRetried = await cluster.TaskRun(runId, "not-retried").GetStateAsync();
        Assert.Equal((TaskRunStatus.Failed, 1), (notRetried.Status, notRetried.Attempt));
        Assert.Contains("Not retried: ArgumentException is one of its RetryPolicy.NonRetryableExceptionTypes.", notRetried.Message);
        Assert.Equal(1, TaskProbes.CountOf(runId, "not-retried"));
        Assert.Equal(FlowRunStatus.Failed, final.Status);
        Assert.Equal("Tasks that did not succeed: not-retried.", final.Message);
    }
}
