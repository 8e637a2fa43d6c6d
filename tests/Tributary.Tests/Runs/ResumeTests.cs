using Tributary.Client;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A failed run resumes under its id: its failed and upstream-failed tasks run again with their full retries and
/// attempt numbers that go on, checkpointed tasks do not run again, and a lost output is recomputed.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class ResumeTests(TributaryClusterFixture cluster)
{
    private const string Flow = "resume-chain";
    private const string LostFlow = "resume-lost-output";
    private const string GatedFlow = "resume-gated";

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var flow = new FlowBuilder(Flow);
        // a is checkpointed; b fails until the test marks the run fixed, and once more on its third run (the first after
        // the resume), so it needs its retry again; c is checkpointed too.
        var a = flow.Task(
            "a",
            (TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return 20;
            },
            new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Local(storage.Directory("resume")) });
        var b = flow.Task(
            "b",
            (int value, TaskRunContext context) =>
            {
                var run = TaskProbes.Count(context);
                if (!TaskProbes.IsMarked(context.FlowRunId, "fixed") || run == 3)
                {
                    throw new InvalidOperationException($"b is broken (attempt {context.Attempt})");
                }

                return value + 1;
            },
            a,
            new TaskOptions { MaxRetries = 1 });
        flow.Task(
            "c",
            (int value, TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return value * 2;
            },
            b,
            new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json });
        yield return flow.Build();

        var lost = new FlowBuilder(LostFlow);
        // a is not checkpointed: once its activation is gone, its output is too.
        var first = lost.Task("a", (TaskRunContext context) => $"alpha#{TaskProbes.Count(context)}", new TaskOptions { Checkpoint = false });
        lost.Task(
            "b",
            (string text, TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return TaskProbes.IsMarked(context.FlowRunId, "fixed") ? text : throw new InvalidOperationException("b is broken");
            },
            first,
            new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });
        yield return lost.Build();

        var gated = new FlowBuilder(GatedFlow);
        gated.Task("wait", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            TaskProbes.Gate(context.FlowRunId, "started").TrySetResult();
            await TaskProbes.Gate(context.FlowRunId, "open").Task.WaitAsync(cancellationToken);
            return 1;
        });
        yield return gated.Build();
    }

    [Fact]
    public async Task ResumeFlowRunAsync_FailedMiddleTask_OnlyFailedTasksRunAgainWithFullRetriesAndAttemptsGoOn()
    {
        var runId = await cluster.StartAsync(Flow);
        var failed = await cluster.WaitForFlowAsync(runId);
        var failedB = await cluster.TaskRun(runId, "b").GetStateAsync();
        var failedC = await cluster.TaskRun(runId, "c").GetStateAsync();
        Assert.Equal(FlowRunStatus.Failed, failed.Status);
        Assert.Equal((TaskRunStatus.Failed, 2, TaskRunStatus.UpstreamFailed), (failedB.Status, failedB.Attempt, failedC.Status));

        TaskProbes.Mark(runId, "fixed");
        // a's output is then read back from its checkpoint, through its handler.
        await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "a"));
        var client = new TributaryClient(cluster.Client, cluster.Handlers, host: null);
        var resumed = await client.ResumeFlowRunAsync(runId);
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal((FlowRunStatus.Running, 1), (resumed.Status, resumed.Resumes));
        Assert.True(final.Status == FlowRunStatus.Success, $"{final.Status}: {final.Message}");
        Assert.Equal((1, null), (final.Resumes, final.Message));
        Assert.Equal((1, 4, 1), (TaskProbes.CountOf(runId, "a"), TaskProbes.CountOf(runId, "b"), TaskProbes.CountOf(runId, "c")));
        var b = await cluster.TaskRun(runId, "b").GetStateAsync();
        // Attempts 1 and 2 before the resume; 3 failed after it and 4, its retry, succeeded: MaxRetries 1 counted afresh.
        Assert.Equal((TaskRunStatus.Success, 4, 1, 2), (b.Status, b.Attempt, b.Origin?.Resumes, b.Origin?.AttemptsBeforeResume));
        var c = await cluster.TaskRun(runId, "c").GetStateAsync();
        Assert.Equal((TaskRunStatus.Success, 1, "42"), (c.Status, c.Attempt, c.Output?.Json));
        var a = await cluster.TaskRun(runId, "a").GetStateAsync();
        Assert.Equal((TaskRunStatus.Success, 1), (a.Status, a.Attempt));
    }

    [Fact]
    public async Task Resume_UpstreamNotCheckpointedAndItsOutputGone_UpstreamRunsAgainThroughTheLostOutputPath()
    {
        var runId = await cluster.StartAsync(LostFlow);
        Assert.Equal(FlowRunStatus.Failed, (await cluster.WaitForFlowAsync(runId)).Status);

        TaskProbes.Mark(runId, "fixed");
        await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "a"));
        await cluster.FlowRun(runId).ResumeAsync();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.True(final.Status == FlowRunStatus.Success, $"{final.Status}: {final.Message}");
        Assert.Equal((2, 2), (TaskProbes.CountOf(runId, "a"), TaskProbes.CountOf(runId, "b")));
        Assert.Equal("\"alpha#2\"", (await cluster.TaskRun(runId, "b").GetStateAsync()).Output?.Json);
    }

    [Fact]
    public async Task Resume_RunningThenSucceededRun_IsRefusedNamingTheRunAndWhy()
    {
        var runId = await cluster.StartAsync(GatedFlow);
        await TaskProbes.Gate(runId, "started").Task.WaitAsync(TributaryClusterFixture.Patience);

        var running = await Assert.ThrowsAsync<FlowRunNotResumableException>(() => cluster.FlowRun(runId).ResumeAsync());
        TaskProbes.Gate(runId, "open").TrySetResult();
        Assert.Equal(FlowRunStatus.Success, (await cluster.WaitForFlowAsync(runId)).Status);
        var succeeded = await Assert.ThrowsAsync<FlowRunNotResumableException>(() => cluster.FlowRun(runId).ResumeAsync());

        Assert.Equal((FlowRunStatus.Running, $"Flow run '{runId}' is still running; only a failed or cancelled run can be resumed."), (running.Status, running.Message));
        Assert.Equal((FlowRunStatus.Success, $"Flow run '{runId}' already succeeded; only a failed or cancelled run can be resumed."), (succeeded.Status, succeeded.Message));
        Assert.Equal(0, (await cluster.FlowRun(runId).GetStateAsync()).Resumes);
    }

    [Fact]
    public async Task Resume_UnknownRun_IsRefusedAndStartsNothing()
    {
        var runId = TributaryClusterFixture.NewRunId();

        var error = await Assert.ThrowsAsync<FlowRunNotResumableException>(() => cluster.FlowRun(runId).ResumeAsync());

        Assert.Equal((FlowRunStatus.NotFound, $"There is no flow run '{runId}' to resume."), (error.Status, error.Message));
        Assert.Equal(FlowRunStatus.NotFound, (await cluster.FlowRun(runId).GetStateAsync()).Status);
    }
}
