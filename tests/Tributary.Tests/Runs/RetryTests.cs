using System.Text.Json.Nodes;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Serialization;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using static Tributary.Testing.ConformanceSamples;

namespace Tributary.Tests.Runs;

/// <summary>
/// A failed attempt with retries left stores each input through the handler of the node that produced it (JSON for
/// parameters), keeps those safe values in its Retrying state, and a later attempt, even in a new activation, reads
/// them back through the same handlers.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class RetryTests(TributaryClusterFixture cluster)
{
    private const string ParameterFlow = "retry-parameter";
    private const string UpstreamFlow = "retry-upstream-handlers";
    private const string DeactivationFlow = "retry-after-deactivation";

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        // Flow and task both say Local: a parameter is JSON whatever they say. Attempt 2 waits on a gate so the test
        // can look at the cached inputs while it runs.
        var parameter = new FlowBuilder(ParameterFlow).WithResultHandler(ResultHandlers.Local(storage.Directory("parameter-flow")));
        var label = parameter.Parameter<string>("label");
        parameter.Task(
            "echo",
            async (string label, TaskRunContext context) =>
            {
                if (TaskProbes.Count(context) == 1)
                {
                    throw new InvalidOperationException("first attempt fails");
                }

                await TaskProbes.Gate(context.FlowRunId, "attempt-2").Task;
                return label;
            },
            label,
            new TaskOptions { MaxRetries = 1, ResultHandler = ResultHandlers.Local(storage.Directory("parameter-task")) });
        yield return parameter.Build();

        // a (local, not checkpointed) and a parameter feed b (azure-blob), which fails once and retries after 2 s.
        var upstream = new FlowBuilder(UpstreamFlow);
        var factor = upstream.Parameter<int>("factor");
        var a = upstream.Task(
            "a",
            (TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return SampleOrder(context.FlowRunId);
            },
            new TaskOptions { ResultHandler = ResultHandlers.Local(storage.Directory("upstream-a")), Checkpoint = false });
        upstream.Task(
            "b",
            (Order order, int factor, TaskRunContext context) =>
            {
                if (TaskProbes.Count(context) == 1)
                {
                    throw new InvalidOperationException("first attempt fails");
                }

                TaskProbes.Record(context, (order, factor));
                return order.Amount * factor;
            },
            a,
            factor,
            new TaskOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromSeconds(2), ResultHandler = ResultHandlers.AzureBlob(storage.Container) });
        yield return upstream.Build();

        // b fails once and retries after 3 s; the test deactivates a and b meanwhile, so only b's cached input holds a's
        // output (a was not checkpointed).
        var deactivation = new FlowBuilder(DeactivationFlow);
        var source = deactivation.Task(
            "a",
            (TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return $"text of {context.FlowRunId}";
            },
            new TaskOptions { ResultHandler = ResultHandlers.Local(storage.Directory("deactivation-a")), Checkpoint = false });
        deactivation.Task(
            "b",
            (string text, TaskRunContext context) =>
            {
                if (TaskProbes.Count(context) == 1)
                {
                    throw new InvalidOperationException("first attempt fails");
                }

                TaskProbes.Record(context, (text, deactivatedBefore: TaskProbes.IsMarked(context.FlowRunId, "deactivated")));
                return text.ToUpperInvariant();
            },
            source,
            new TaskOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromSeconds(3) });
        yield return deactivation.Build();
    }

    [Fact]
    public async Task Retry_ParameterInputWhileFlowAndTaskSayLocal_CachesItWithJsonHandler()
    {
        var runId = await cluster.StartAsync(ParameterFlow, ("label", "hello"));

        var running = await cluster.WaitForTaskAsync(runId, "echo", s => s.Attempt == 2);

        var cached = Assert.Single(running.CachedInputs);
        Assert.Equal("label", cached.Key);
        Assert.Equal(ResultHandlers.Json, cached.Value.Handler);
        Assert.Equal("hello", JsonNode.Parse(cached.Value.Json)!.GetValue<string>());
        Assert.Equal(ResultHandlers.Local(cluster.Storage.Directory("parameter-task")), running.ResultHandler);
        Assert.False(Directory.Exists(cluster.Storage.Directory("parameter-flow")));
        Assert.False(Directory.Exists(cluster.Storage.Directory("parameter-task")));

        TaskProbes.Gate(runId, "attempt-2").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);
        Assert.Equal(FlowRunStatus.Success, final.Status);
        var echo = await cluster.TaskRun(runId, "echo").GetStateAsync();
        Assert.Empty(echo.CachedInputs); // cleared on success
    }

    [Fact]
    public async Task Retry_TaskFailsOnce_CachesEachInputThroughItsProducersHandlerAndSucceedsOnAttempt2()
    {
        var runId = await cluster.StartAsync(UpstreamFlow, ("factor", 3));

        var retrying = await cluster.WaitForTaskAsync(runId, "b", s => s.Status == TaskRunStatus.Retrying);

        Assert.Equal(1, retrying.Attempt);
        Assert.Contains("first attempt fails", retrying.Message);
        Assert.NotNull(retrying.NextRetryAt);
        Assert.Equal(ResultHandlers.AzureBlob(cluster.Storage.Container), retrying.ResultHandler);
        // a's output: through a's local handler (not b's blob handler), into a file in a's directory.
        var order = retrying.CachedInputs["order"];
        Assert.Equal(ResultHandlers.Local(cluster.Storage.Directory("upstream-a")), order.Handler);
        Assert.Equal(SampleOrder(runId), CheckpointHandlerTests.ReadLocalFile<Order>(order, cluster.Storage.Directory("upstream-a")));
        Assert.Single(Directory.GetFiles(cluster.Storage.Directory("upstream-a")));
        Assert.Equal(["factor", "order"], retrying.OwnedCachedInputs.Order()); // b stored both itself (a has no checkpoint)
        // The parameter: JSON, the value itself.
        var factor = retrying.CachedInputs["factor"];
        Assert.Equal(ResultHandlers.Json, factor.Handler);
        Assert.Equal("3", factor.Json);

        var final = await cluster.WaitForFlowAsync(runId);
        Assert.Equal(FlowRunStatus.Success, final.Status);
        var b = await cluster.TaskRun(runId, "b").GetStateAsync();
        Assert.Equal((TaskRunStatus.Success, 2), (b.Status, b.Attempt));
        Assert.Equal((SampleOrder(runId), 3), TaskProbes.ReceivedBy(runId, "b"));
        var output = await cluster.TaskRun(runId, "b").GetOutputAsync();
        Assert.Equal(SampleOrder(runId).Amount * 3, SystemTextJsonResultSerializer.Default.Deserialize(output.Payload, typeof(decimal)));
        Assert.Equal(1, TaskProbes.CountOf(runId, "a"));
        // Once b succeeded, the copy of a's output it cached for its retry is deleted through a's handler.
        Assert.Empty(Directory.GetFiles(cluster.Storage.Directory("upstream-a")));
        Assert.Empty(b.OwnedCachedInputs);
    }

    [Fact]
    public async Task Retry_GrainsDeactivatedWhileRetrying_NewActivationRetriesFromCachedInputs()
    {
        var runId = await cluster.StartAsync(DeactivationFlow);
        await cluster.WaitForTaskAsync(runId, "b", s => s.Status == TaskRunStatus.Retrying);

        // Both activations go: b's timer dies with it, and a's output (not checkpointed) is gone from memory.
        await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "b"));
        await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "a"));
        TaskProbes.Mark(runId, "deactivated");
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(($"text of {runId}", deactivatedBefore: true), TaskProbes.ReceivedBy(runId, "b"));
        Assert.Equal(2, TaskProbes.CountOf(runId, "b"));
        Assert.Equal(1, TaskProbes.CountOf(runId, "a")); // b did not need a again: its cached input was read back
        var b = await cluster.TaskRun(runId, "b").GetStateAsync();
        Assert.Equal((TaskRunStatus.Success, 2), (b.Status, b.Attempt));
    }
}
