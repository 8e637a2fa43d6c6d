using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// Task code ends its task at once by throwing: TaskSkippedException skips it (no output, no retry; the default trigger
/// skips the tasks below it; the run can still succeed), NonRetryableTaskException fails it with retries left unused.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class SkipTests(TributaryClusterFixture cluster)
{
    private const string SkipFlow = "skip";
    private const string FailWithoutRetryFlow = "fail-without-retry";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var skip = new FlowBuilder(SkipFlow);
        var source = skip.Task(
            "source",
            string (TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                throw new TaskSkippedException("nothing new to load");
            },
            new TaskOptions { MaxRetries = 2 });
        var next = skip.Task("next", (string text, TaskRunContext context) => $"{TaskProbes.Count(context)}{text}", source);
        skip.Task("last", (string text, TaskRunContext context) => $"{TaskProbes.Count(context)}{text}", next);
        // These run although source did not succeed, so they get null for it: they take it as string? (AsNullable).
        skip.Task(
            "any-succeeded",
            (string? text, TaskRunContext context) => TaskProbes.Count(context),
            source.AsNullable(),
            new TaskOptions { Trigger = TaskTrigger.AnySuccessful });
        skip.Task(
            "cleanup",
            (string? text, TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                TaskProbes.Record(context, text ?? "no text");
                return 0;
            },
            source.AsNullable(),
            new TaskOptions { Trigger = TaskTrigger.AllFinished });
        skip.Task("independent", (TaskRunContext context) => TaskProbes.Count(context));
        yield return skip.Build();

        var failWithoutRetry = new FlowBuilder(FailWithoutRetryFlow);
        var invalid = failWithoutRetry.Task(
            "invalid",
            int (TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                throw new NonRetryableTaskException("the input is invalid: no retry can fix it");
            },
            new TaskOptions { Retry = new RetryPolicy { MaximumAttempts = 3, FirstDelay = TimeSpan.Zero } });
        failWithoutRetry.Task("next", (int value, TaskRunContext context) => TaskProbes.Count(context) + value, invalid);
        yield return failWithoutRetry.Build();
    }

    [Fact]
    public async Task Skip_TaskThrowsTaskSkippedException_SkippedOnceDownstreamSkippedCleanupRunsAndRunSucceeds()
    {
        var runId = await cluster.StartAsync(SkipFlow);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        var source = await cluster.TaskRun(runId, "source").GetStateAsync();
        Assert.Equal((TaskRunStatus.Skipped, 1, (object?)null), (source.Status, source.Attempt, (object?)source.Output));
        Assert.Contains("nothing new to load", source.Message);
        Assert.Equal(1, TaskProbes.CountOf(runId, "source")); // retries left, but a skip is not retried
        var next = await cluster.TaskRun(runId, "next").GetStateAsync();
        Assert.Equal(TaskRunStatus.Skipped, next.Status);
        Assert.Contains("upstream task 'source' was skipped", next.Message);
        var last = await cluster.TaskRun(runId, "last").GetStateAsync();
        Assert.Equal(TaskRunStatus.Skipped, last.Status);
        Assert.Contains("'next' was skipped", last.Message);
        var anySucceeded = await cluster.TaskRun(runId, "any-succeeded").GetStateAsync();
        Assert.Equal(TaskRunStatus.Skipped, anySucceeded.Status);
        Assert.Contains("every upstream task was skipped", anySucceeded.Message);
        Assert.Equal(0, TaskProbes.CountOf(runId, "next") + TaskProbes.CountOf(runId, "last") + TaskProbes.CountOf(runId, "any-succeeded"));
        Assert.Equal(TaskRunStatus.Success, final.TaskStatuses["cleanup"]);
        Assert.Equal("no text", TaskProbes.ReceivedBy(runId, "cleanup"));
        Assert.Equal(TaskRunStatus.Success, final.TaskStatuses["independent"]);
    }

    [Fact]
    public async Task FailWithoutRetry_TaskThrowsNonRetryableTaskException_FailsOnFirstAttemptWithRetriesLeft()
    {
        var runId = await cluster.StartAsync(FailWithoutRetryFlow);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Failed, final.Status);
        var invalid = await cluster.TaskRun(runId, "invalid").GetStateAsync();
        Assert.Equal((TaskRunStatus.Failed, 1), (invalid.Status, invalid.Attempt));
        Assert.Contains("the input is invalid", invalid.Message);
        Assert.Contains("Not retried: the task's code threw NonRetryableTaskException.", invalid.Message);
        Assert.Equal(1, TaskProbes.CountOf(runId, "invalid"));
        Assert.Equal(TaskRunStatus.UpstreamFailed, final.TaskStatuses["next"]);
    }
}
