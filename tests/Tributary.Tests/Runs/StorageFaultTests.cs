using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using Kind = Tributary.Tests.Infrastructure.StorageFaults.Kind;

namespace Tributary.Tests.Runs;

/// <summary>
/// Grain storage faults (injected around the test cluster's Azure Table storage) never let a run move on, or end, on a
/// state storage did not receive; faults that pass are ridden out, and one that does not fails the run naming it.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class StorageFaultTests(TributaryClusterFixture cluster)
{
    private const string Flow = "storage-faults";
    private const string RetryInputFlow = "retry-input-not-cached";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Flow);
        var first = flow.Task("first", (TaskRunContext context) => TaskProbes.Count(context) * 10);
        var middle = flow.Task("middle", (int value, TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            return value + 1;
        }, first);
        flow.Task("last", (int value, TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            return value * 2;
        }, middle, new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });
        yield return flow.Build();

        // "use" fails its first attempt; caching "made" for the retry fails (its handler refuses writes), so the retry
        // can run only in the activation that still holds it in memory.
        var retry = new FlowBuilder(RetryInputFlow);
        var size = retry.Parameter<int>("size");
        var made = retry.Task("made", (int size) => new string('x', size), size, new TaskOptions { ResultHandler = RefusingResultHandler.Descriptor });
        retry.Task("use", (string made, int size, TaskRunContext context) =>
        {
            if (TaskProbes.Count(context) == 1)
            {
                throw new InvalidOperationException("first attempt fails");
            }

            return made.Length + size;
        }, made, size, new TaskOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromSeconds(2) });
        yield return retry.Build();
    }

    // Guards a fixed bug: a write that stored and then threw left a stale ETag, so every later write of the activation
    // failed while it kept answering with states storage never received.
    [Theory]
    [InlineData(Kind.FailBeforeWrite)]
    [InlineData(Kind.WriteThenThrow)]
    [InlineData(Kind.Conflict)]
    public async Task Run_TaskStateWriteFaultThatPasses_RunSucceedsOnStoredStates(Kind kind)
    {
        var runId = TributaryClusterFixture.NewRunId();
        // The middle task's writes: running (1st), success (2nd). Fault the success write.
        StorageFaults.Inject($"{runId}/middle", "task", kind, count: 1, skip: 1);

        await cluster.StartAsync(runId, Flow);
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.True(final.Status == FlowRunStatus.Success, $"The run ended {final.Status}: {final.Message}");
        Assert.Equal(1, StorageFaults.InjectedFor($"{runId}/middle"));
        foreach (var task in new[] { "first", "middle", "last" })
        {
            var stored = await cluster.ReadStoredTaskStateAsync(runId, task);
            Assert.True(stored?.Status == TaskRunStatus.Success, $"storage holds {task} as {stored?.Status}");
            Assert.Equal(1, TaskProbes.CountOf(runId, task));
        }

        Assert.Equal("22", (await cluster.TaskRun(runId, "last").GetStateAsync()).Output?.Json);
    }

    [Fact]
    public async Task Run_FlowStateWriteStoredThenThrew_RunEndsStoredAsSuccess()
    {
        var runId = TributaryClusterFixture.NewRunId();
        // The flow run writes when it starts (1st) and when it ends (2nd). Fault the end.
        StorageFaults.Inject(runId, "flow", Kind.WriteThenThrow, count: 1, skip: 1);

        await cluster.StartAsync(runId, Flow);
        var final = await cluster.WaitForFlowAsync(runId);
        await cluster.Cluster.DeactivateAsync(cluster.FlowRun(runId));
        var reread = await cluster.FlowRun(runId).GetStateAsync();

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(1, StorageFaults.InjectedFor(runId));
        Assert.Equal(FlowRunStatus.Success, reread.Status);
    }

    // Guards a fixed bug: a task whose state could not be stored still reported success, and the run finished Success
    // on task states that storage never received.
    [Fact]
    public async Task Run_TaskStateCannotBeStored_RunFailsNamingTheStorageFaultAndNoTaskStaysPending()
    {
        var runId = TributaryClusterFixture.NewRunId();
        StorageFaults.Inject($"{runId}/middle", "task", Kind.Forbidden, count: int.MaxValue);

        await cluster.StartAsync(runId, Flow);
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Failed, final.Status);
        Assert.Contains("could not be stored", final.Message);
        Assert.Contains("not authorized", final.Message);
        Assert.All(final.TaskStatuses, pair => Assert.True(pair.Value.IsFinal(), $"{pair.Key} is {pair.Value}"));
        Assert.Equal(TaskRunStatus.UpstreamFailed, final.TaskStatuses["last"]);
        Assert.Equal(0, TaskProbes.CountOf(runId, "last"));
        StorageFaults.Clear($"{runId}/middle");
    }

    // Guards a fixed bug: a retry in a new activation whose inputs could not be cached ran without them (a parameter
    // "not given to this run") and used up its retries on that.
    [Fact]
    public async Task Retry_InNewActivationWithInputNotCached_FailsNamingTheInput()
    {
        var runId = TributaryClusterFixture.NewRunId();
        await cluster.StartAsync(runId, RetryInputFlow, ("size", 3));
        var retrying = await cluster.WaitForTaskAsync(runId, "use", s => s.Status == TaskRunStatus.Retrying);

        await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "use"));
        var final = await cluster.WaitForFlowAsync(runId);
        var use = await cluster.TaskRun(runId, "use").GetStateAsync();

        Assert.Equal(["made"], retrying.UncachedInputs.ToArray());
        Assert.True(retrying.CachedInputs.ContainsKey("size"), "the parameter was cached even though 'made' was not");
        Assert.Equal(FlowRunStatus.Failed, final.Status);
        Assert.Equal(TaskRunStatus.Failed, use.Status);
        Assert.Contains("input 'made'", use.Message);
        Assert.Equal(1, TaskProbes.CountOf(runId, "use"));
    }

    [Fact]
    public async Task Retry_InSameActivationWithInputNotCached_RunsWithTheInputInMemory()
    {
        var runId = TributaryClusterFixture.NewRunId();
        await cluster.StartAsync(runId, RetryInputFlow, ("size", 4));

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(2, TaskProbes.CountOf(runId, "use"));
    }
}
