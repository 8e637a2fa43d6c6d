using Microsoft.Extensions.DependencyInjection;
using Tributary.Client;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// Cancelling a run: a running attempt's token fires and it ends Cancelled, a retry never fires, pending tasks never
/// start, tasks already final keep their status, and the request outlives the flow run's activation.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class CancelTests(TributaryClusterFixture cluster)
{
    private const string RunningFlow = "cancel-running";
    private const string StubbornFlow = "cancel-stubborn";
    private const string RetryingFlow = "cancel-retrying";
    private const string ReadingFlow = "cancel-reading";
    private const string MapFlow = "cancel-map";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var running = new FlowBuilder(RunningFlow);
        var done = running.Task("done", (TaskRunContext context) => TaskProbes.Count(context));
        var work = running.Task("work", async (int seed, TaskRunContext context, CancellationToken cancellationToken) =>
        {
            TaskProbes.Count(context);
            TaskProbes.Gate(context.FlowRunId, "work-started").TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                TaskProbes.Gate(context.FlowRunId, "token-fired").TrySetResult();
                throw;
            }

            return seed;
        }, done);
        running.Task("next", (int value, TaskRunContext context) => TaskProbes.Count(context) + value, work);
        yield return running.Build();

        // Code that ignores its token: abandoned at once, its late result discarded.
        var stubborn = new FlowBuilder(StubbornFlow);
        stubborn.Task("stubborn", async (TaskRunContext context) =>
        {
            TaskProbes.Gate(context.FlowRunId, "stubborn-started").TrySetResult();
            await TaskProbes.Gate(context.FlowRunId, "let-go").Task;
            TaskProbes.Gate(context.FlowRunId, "stubborn-returned").TrySetResult();
            return 42;
        });
        yield return stubborn.Build();

        var retrying = new FlowBuilder(RetryingFlow);
        var seed = retrying.Task("seed", () => 7);
        var flaky = retrying.Task("flaky", (int value, TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            return TaskProbes.IsMarked(context.FlowRunId, "fixed") ? value : throw new InvalidOperationException("not yet");
        }, seed, new TaskOptions { MaxRetries = 3, RetryDelay = TimeSpan.FromHours(1) });
        retrying.Task("after", (int value, TaskRunContext context) => TaskProbes.Count(context) + value, flaky);
        yield return retrying.Build();

        // "use" reads "up" back through a gated handler: its attempt is in flight, before its code, while the gate is shut.
        var reading = new FlowBuilder(ReadingFlow);
        var up = reading.Task("up", () => 3, new TaskOptions { ResultHandler = GatedResultHandler.Descriptor, Checkpoint = true });
        var hold = reading.Task("hold", async (TaskRunContext context) =>
        {
            await TaskProbes.Gate(context.FlowRunId, "hold").Task;
            return 1;
        });
        var use = reading.Task("use", (int a, int b, TaskRunContext context) => TaskProbes.Count(context) + a + b, up, hold);
        reading.Task("last", (int value, TaskRunContext context) => TaskProbes.Count(context) + value, use);
        yield return reading.Build();

        var mapped = new FlowBuilder(MapFlow);
        var items = mapped.Task("items", () => new[] { 1, 2, 3 });
        var each = mapped.Map("each", async Task<int> (int x, TaskRunContext context, CancellationToken cancellationToken) =>
        {
            TaskProbes.Count(context);
            TaskProbes.Gate(context.FlowRunId, $"{context.TaskName}-started").TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return x;
        }, items);
        mapped.Task("sum", (IReadOnlyList<int> values) => values.Sum(), each);
        yield return mapped.Build();
    }

    [Fact]
    public async Task Cancel_DuringARunningAttempt_TokenFiresTaskAndDownstreamCancelledRunCancelledWaitReleased()
    {
        var runId = await cluster.StartAsync(RunningFlow);
        await TaskProbes.Gate(runId, "work-started").Task.WaitAsync(Patience);
        var waiting = cluster.FlowRun(runId).WaitAsync(TributaryClusterFixture.ResponseTimeout - TimeSpan.FromSeconds(1)); // held until the run ends

        var answered = await cluster.FlowRun(runId).CancelAsync("operator asked");

        Assert.NotNull(answered.CancelRequestedAt);
        await TaskProbes.Gate(runId, "token-fired").Task.WaitAsync(Patience); // the task's code saw its token fire
        var released = await waiting.WaitAsync(Patience);
        Assert.Equal(FlowRunStatus.Cancelled, released.Status);
        Assert.Equal("Cancelled on request: operator asked.", released.Message);
        var work = await cluster.TaskRun(runId, "work").GetStateAsync();
        Assert.Equal((TaskRunStatus.Cancelled, 1), (work.Status, work.Attempt)); // not retried
        Assert.Equal("Cancelled: its run was cancelled (operator asked)", work.Message);
        Assert.Equal(TaskRunStatus.Cancelled, (await cluster.TaskRun(runId, "next").GetStateAsync()).Status);
        Assert.Equal(0, TaskProbes.CountOf(runId, "next")); // a pending task never starts
        Assert.Equal(TaskRunStatus.Success, (await cluster.TaskRun(runId, "done").GetStateAsync()).Status); // final: kept
        Assert.Equal(
            [("done", TaskRunStatus.Success), ("next", TaskRunStatus.Cancelled), ("work", TaskRunStatus.Cancelled)],
            released.TaskStatuses.OrderBy(pair => pair.Key).Select(pair => (pair.Key, pair.Value)));
    }

    [Fact]
    public async Task Cancel_CodeIgnoresItsToken_AttemptAbandonedAndItsLateResultDiscarded()
    {
        var runId = await cluster.StartAsync(StubbornFlow);
        await TaskProbes.Gate(runId, "stubborn-started").Task.WaitAsync(Patience);

        await cluster.FlowRun(runId).CancelAsync();
        var cancelled = await cluster.WaitForFlowAsync(runId);
        TaskProbes.Gate(runId, "let-go").TrySetResult();
        await TaskProbes.Gate(runId, "stubborn-returned").Task.WaitAsync(Patience);

        Assert.Equal((FlowRunStatus.Cancelled, "Cancelled on request."), (cancelled.Status, cancelled.Message));
        var state = await cluster.TaskRun(runId, "stubborn").GetStateAsync();
        Assert.Equal((TaskRunStatus.Cancelled, null), (state.Status, state.Output));
    }

    [Fact]
    public async Task Cancel_WhileRetryingWithALongDelay_EndsCancelledAtOnceNoRetryOrReminderLeftAndResumeRunsItAgain()
    {
        var runId = await cluster.StartAsync(RetryingFlow);
        // The task registers its reminder before it reports Retrying: once the run has seen it, the reminder is there.
        await cluster.WaitForFlowToSeeAsync(runId, "flaky", TaskRunStatus.Retrying);
        var flaky = cluster.TaskRun(runId, "flaky");
        Assert.NotNull(await ReminderTable().ReadRow(flaky.GetGrainId(), "retry"));

        var answered = await cluster.FlowRun(runId).CancelAsync();

        // Nothing runs: the run is Cancelled within the call, or a moment later if the failed attempt was still winding down.
        Assert.NotNull(answered.CancelRequestedAt);
        Assert.Equal(FlowRunStatus.Cancelled, (await cluster.WaitForFlowAsync(runId)).Status);
        var state = await flaky.GetStateAsync();
        Assert.Equal((TaskRunStatus.Cancelled, null, 0, 1), (state.Status, state.NextRetryAt, state.CachedInputs.Count, state.Attempt));
        Assert.Null(await ReminderTable().ReadRow(flaky.GetGrainId(), "retry"));
        Assert.Equal(TaskRunStatus.Cancelled, (await cluster.TaskRun(runId, "after").GetStateAsync()).Status);
        Assert.Equal(1, TaskProbes.CountOf(runId, "flaky"));

        // Resumed, a cancelled run runs its cancelled tasks again, like a failed run's failed ones.
        TaskProbes.Mark(runId, "fixed");
        var resumed = await cluster.FlowRun(runId).ResumeAsync();
        Assert.Equal((FlowRunStatus.Running, null), (resumed.Status, resumed.CancelRequestedAt));
        var final = await cluster.WaitForFlowAsync(runId);
        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal((2, 1), (TaskProbes.CountOf(runId, "flaky"), TaskProbes.CountOf(runId, "after")));
    }

    [Fact]
    public async Task Cancel_FinishedRun_LeavesItAsItIs()
    {
        var runId = TributaryClusterFixture.NewRunId();
        TaskProbes.Mark(runId, "fixed");
        await cluster.StartAsync(runId, RetryingFlow);
        var finished = await cluster.WaitForFlowAsync(runId);

        var answered = await cluster.FlowRun(runId).CancelAsync("too late");

        Assert.Equal(FlowRunStatus.Success, finished.Status);
        Assert.Equal(finished, answered);
        Assert.Equal(finished, await cluster.FlowRun(runId).GetStateAsync());
    }

    [Fact]
    public async Task Cancel_UnknownRun_NotFoundFromTheGrainAndAFlowRunNotFoundExceptionFromTheSdk()
    {
        var runId = TributaryClusterFixture.NewRunId();
        var client = new TributaryClient(cluster.Client, cluster.Handlers);

        Assert.Equal(FlowRunStatus.NotFound, (await cluster.FlowRun(runId).CancelAsync()).Status);
        var error = await Assert.ThrowsAsync<FlowRunNotFoundException>(() => client.CancelFlowRunAsync(runId));
        Assert.StartsWith($"There is no flow run '{runId}'.", error.Message);
    }

    [Fact]
    public async Task Cancel_FlowRunDeactivatedBetweenRequestAndEnd_TheNextActivationFinishesItAndStartsNothing()
    {
        GatedResultHandler.Close();
        try
        {
            var runId = await cluster.StartAsync(ReadingFlow);
            await cluster.WaitForStoredTaskAsync(runId, "up", state => state.Status == TaskRunStatus.Success);
            await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "up")); // "use" must read it back through the gate
            TaskProbes.Gate(runId, "hold").TrySetResult();
            await GatedResultHandler.ReadStarted.WaitAsync(Patience);

            var answered = await cluster.FlowRun(runId).CancelAsync();
            Assert.Equal(FlowRunStatus.Running, answered.Status); // "use" is still in its attempt
            await cluster.Cluster.DeactivateAsync(cluster.FlowRun(runId));
            GatedResultHandler.Open();

            var final = await cluster.WaitForFlowAsync(runId);
            Assert.Equal(FlowRunStatus.Cancelled, final.Status);
            Assert.Equal(TaskRunStatus.Cancelled, (await cluster.TaskRun(runId, "use").GetStateAsync()).Status);
            Assert.Equal(TaskRunStatus.Cancelled, (await cluster.TaskRun(runId, "last").GetStateAsync()).Status);
            Assert.Equal((0, 0), (TaskProbes.CountOf(runId, "use"), TaskProbes.CountOf(runId, "last")));
        }
        finally
        {
            GatedResultHandler.Open();
        }
    }

    [Fact]
    public async Task Cancel_WhileAMapsChildrenRun_ChildrenMapAndDownstreamEndCancelled()
    {
        var runId = await cluster.StartAsync(MapFlow);
        await TaskProbes.Gate(runId, "each[0]-started").Task.WaitAsync(Patience);

        await cluster.FlowRun(runId).CancelAsync();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Cancelled, final.Status);
        foreach (var task in new[] { "each", "each[0]", "each[1]", "each[2]", "sum" })
        {
            Assert.Equal((task, TaskRunStatus.Cancelled), (task, (await cluster.TaskRun(runId, task).GetStateAsync()).Status));
        }
    }

    private IReminderTable ReminderTable() =>
        cluster.Cluster.Silos[0].SiloHost.Services.GetRequiredService<IReminderTable>();
}
