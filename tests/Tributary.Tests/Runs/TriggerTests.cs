using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// Each trigger runs its task once its upstream tasks are final when it holds, and ends it TriggerFailed (or
/// UpstreamFailed, for the default trigger) when it does not; the run's status follows the documented rules.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class TriggerTests(TributaryClusterFixture cluster)
{
    private const string AfterFailureFlow = "trigger-after-failure";
    private const string AllSucceededFlow = "trigger-all-succeeded";
    private const string AllFailedFlow = "trigger-all-failed";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        // A task that runs although an upstream task did not succeed gets its type's default for that input, so the
        // handlers take their int inputs as int? (AsNullable) to tell "no output" (null) from 0.
        // ok succeeds, bad fails; each trigger looks at both.
        var afterFailure = new FlowBuilder(AfterFailureFlow);
        var ok = afterFailure.Task("ok", int (TaskRunContext context) => TaskProbes.Count(context));
        var bad = afterFailure.Task("bad", int (TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            throw new InvalidOperationException("bad broke");
        });
        var after = afterFailure.Task("after", (int value, TaskRunContext context) => TaskProbes.Count(context) + value, bad);
        afterFailure.Task(
            "cleanup",
            (int? ok, int? bad, int? after, TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                TaskProbes.Record(context, (ok, bad, after));
                return "cleaned";
            },
            ok.AsNullable(),
            bad.AsNullable(),
            after.AsNullable(),
            new TaskOptions { Trigger = TaskTrigger.AllFinished });
        Handler(afterFailure, "on-any-failed", TaskTrigger.AnyFailed, ok, bad);
        Handler(afterFailure, "on-all-failed", TaskTrigger.AllFailed, ok, bad);
        Handler(afterFailure, "any-succeeded", TaskTrigger.AnySuccessful, ok, bad);
        yield return afterFailure.Build();

        // a and b succeed: the failure handlers have nothing to handle.
        var allSucceeded = new FlowBuilder(AllSucceededFlow);
        var a = allSucceeded.Task("a", int (TaskRunContext context) => TaskProbes.Count(context));
        var b = allSucceeded.Task("b", int (TaskRunContext context) => TaskProbes.Count(context) + 1);
        var onAnyFailed = Handler(allSucceeded, "on-any-failed", TaskTrigger.AnyFailed, a, b);
        Handler(allSucceeded, "on-all-failed", TaskTrigger.AllFailed, a, b);
        Handler(allSucceeded, "any-succeeded", TaskTrigger.AnySuccessful, a, b);
        var afterHandler = allSucceeded.Task("after-handler", (int value, TaskRunContext context) => TaskProbes.Count(context) + value, onAnyFailed);
        Handler(allSucceeded, "cleanup", TaskTrigger.AllFinished, a, afterHandler);
        yield return allSucceeded.Build();

        // x and y fail.
        var allFailed = new FlowBuilder(AllFailedFlow);
        var x = allFailed.Task("x", int (TaskRunContext context) => throw new InvalidOperationException($"{context.TaskName} broke"));
        var y = allFailed.Task("y", int (TaskRunContext context) => throw new InvalidOperationException($"{context.TaskName} broke"));
        Handler(allFailed, "on-all-failed", TaskTrigger.AllFailed, x, y);
        Handler(allFailed, "any-succeeded", TaskTrigger.AnySuccessful, x, y);
        yield return allFailed.Build();
    }

    [Fact]
    public async Task Run_AfterAFailure_CleanupAndFailureHandlersRunAndTheRunIsStillFailed()
    {
        var runId = await cluster.StartAsync(AfterFailureFlow);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Failed, final.Status);
        Assert.Equal("Tasks that did not succeed: after, bad.", SortedFailures(final.Message));
        var statuses = final.TaskStatuses;
        Assert.Equal((TaskRunStatus.Success, TaskRunStatus.Failed, TaskRunStatus.UpstreamFailed), (statuses["ok"], statuses["bad"], statuses["after"]));
        Assert.Equal(TaskRunStatus.Success, statuses["cleanup"]); // AllFinished: runs whatever its upstream tasks ended as
        Assert.Equal(((int?)1, (int?)null, (int?)null), TaskProbes.ReceivedBy(runId, "cleanup")); // no output: the type's default
        Assert.Equal(TaskRunStatus.Success, statuses["on-any-failed"]);
        Assert.Equal(TaskRunStatus.Success, statuses["any-succeeded"]);
        var onAllFailed = await cluster.TaskRun(runId, "on-all-failed").GetStateAsync();
        Assert.Equal(TaskRunStatus.TriggerFailed, onAllFailed.Status);
        Assert.Contains("trigger AllFailed does not hold", onAllFailed.Message);
        Assert.Contains("'ok' Success", onAllFailed.Message);
        Assert.Equal(0, TaskProbes.CountOf(runId, "on-all-failed") + TaskProbes.CountOf(runId, "after"));
        Assert.Equal(1, TaskProbes.CountOf(runId, "cleanup"));
    }

    [Fact]
    public async Task Run_NothingFails_FailureHandlersTriggerFailedDownstreamSkippedAndTheRunSucceeds()
    {
        var runId = await cluster.StartAsync(AllSucceededFlow);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Null(final.Message);
        var statuses = final.TaskStatuses;
        Assert.Equal((TaskRunStatus.TriggerFailed, TaskRunStatus.TriggerFailed), (statuses["on-any-failed"], statuses["on-all-failed"]));
        Assert.Contains("trigger AnyFailed does not hold", (await cluster.TaskRun(runId, "on-any-failed").GetStateAsync()).Message);
        Assert.Equal(TaskRunStatus.Success, statuses["any-succeeded"]);
        Assert.Equal(((int?)1, (int?)2), TaskProbes.ReceivedBy(runId, "any-succeeded"));
        // A failure handler with nothing to handle counts as skipped for the default trigger below it.
        var afterHandler = await cluster.TaskRun(runId, "after-handler").GetStateAsync();
        Assert.Equal(TaskRunStatus.Skipped, afterHandler.Status);
        Assert.Contains("'on-any-failed' was skipped", afterHandler.Message);
        Assert.Equal(TaskRunStatus.Success, statuses["cleanup"]);
        Assert.Equal(0, TaskProbes.CountOf(runId, "on-any-failed") + TaskProbes.CountOf(runId, "on-all-failed") + TaskProbes.CountOf(runId, "after-handler"));
    }

    [Fact]
    public async Task Run_EveryUpstreamFails_AllFailedRunsAnySuccessfulTriggerFailedAndTheRunFailsNamingIt()
    {
        var runId = await cluster.StartAsync(AllFailedFlow);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Failed, final.Status);
        Assert.Equal("Tasks that did not succeed: any-succeeded, x, y.", SortedFailures(final.Message));
        Assert.Equal(TaskRunStatus.Success, final.TaskStatuses["on-all-failed"]);
        Assert.Equal(((int?)null, (int?)null), TaskProbes.ReceivedBy(runId, "on-all-failed"));
        var anySucceeded = await cluster.TaskRun(runId, "any-succeeded").GetStateAsync();
        Assert.Equal(TaskRunStatus.TriggerFailed, anySucceeded.Status);
        Assert.Contains("trigger AnySuccessful does not hold ('x' Failed, 'y' Failed)", anySucceeded.Message);
        Assert.Equal(0, TaskProbes.CountOf(runId, "any-succeeded"));
    }

    /// <summary>A task with <paramref name="trigger"/> taking both upstream outputs (nullable: one may have none), recording them.</summary>
    private static TaskNode<int> Handler(FlowBuilder flow, string name, TaskTrigger trigger, Node<int> first, Node<int> second) =>
        flow.Task(
            name,
            (int? first, int? second, TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                TaskProbes.Record(context, (first, second));
                return 0;
            },
            first.AsNullable(),
            second.AsNullable(),
            new TaskOptions { Trigger = trigger });

    /// <summary>The run's message with its task list sorted (the run lists them in no set order).</summary>
    private static string SortedFailures(string? message)
    {
        const string prefix = "Tasks that did not succeed: ";
        Assert.NotNull(message);
        Assert.StartsWith(prefix, message);
        var tasks = message[prefix.Length..].TrimEnd('.').Split(", ").Order(StringComparer.Ordinal);
        return $"{prefix}{string.Join(", ", tasks)}.";
    }
}
