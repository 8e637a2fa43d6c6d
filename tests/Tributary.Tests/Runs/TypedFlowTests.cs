using System.Text.Json.Nodes;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>Flows written with the typed API run on the engine: typed inputs, gathered lists, constants and dependencies.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class TypedFlowTests(TributaryClusterFixture cluster)
{
    private const string Wiring = "typed-wiring";
    private const string Ordering = "typed-ordering";
    private static readonly TaskOptions Json = new() { ResultHandler = ResultHandlers.Json, Checkpoint = true };

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Wiring);
        var seed = flow.Parameter<int>("seed");
        var doubled = flow.Task("doubled", (int seed) => seed * 2, seed);
        var next = flow.Task("next", (int seed) => seed + 1, seed);
        var tenfold = flow.Task("tenfold", async (int value, CancellationToken ct) =>
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            return value * 10;
        }, doubled);
        flow.Task("join", (IReadOnlyList<int> values, string label, TaskRunContext context) =>
        {
            TaskProbes.Record(context, values);
            return $"{label}:{string.Join(",", values)}";
        }, flow.Gather(tenfold, next, doubled, flow.Constant(7)), flow.Constant("values"), Json);
        yield return flow.Build();

        var ordered = new FlowBuilder(Ordering);
        var setup = ordered.Task("setup", async (TaskRunContext context, CancellationToken ct) =>
        {
            await TaskProbes.Gate(context.FlowRunId, "setup").Task.WaitAsync(ct);
            TaskProbes.Mark(context.FlowRunId, "setup-done");
        });
        ordered.Task("work", (TaskRunContext context) => TaskProbes.IsMarked(context.FlowRunId, "setup-done"), Json).After(setup);
        yield return ordered.Build();
    }

    [Fact]
    public async Task Run_TypedInputsGatherAndConstants_JoinGetsTheListInGatherOrder()
    {
        var runId = await cluster.StartAsync(Wiring, ("seed", 3));

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal([60, 4, 6, 7], Assert.IsAssignableFrom<IReadOnlyList<int>>(TaskProbes.ReceivedBy(runId, "join")));
        var join = await cluster.TaskRun(runId, "join").GetStateAsync();
        Assert.Equal("values:60,4,6,7", JsonNode.Parse(join.Output!.Json)!.GetValue<string>());
    }

    [Fact]
    public async Task Run_AfterVoidTask_DownstreamWaitsForItWithoutTakingData()
    {
        var runId = await cluster.StartAsync(Ordering);
        await cluster.WaitForTaskAsync(runId, "setup", state => state.Status == TaskRunStatus.Running);

        // setup holds on its gate: work must still be waiting, although it takes no input.
        var waiting = await cluster.TaskRun(runId, "work").GetStateAsync();
        Assert.Equal(TaskRunStatus.Pending, waiting.Status);
        TaskProbes.Gate(runId, "setup").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        var work = await cluster.TaskRun(runId, "work").GetStateAsync();
        Assert.Equal("true", work.Output?.Json);
        var setup = await cluster.TaskRun(runId, "setup").GetStateAsync();
        Assert.Equal(TaskRunStatus.Success, setup.Status);
    }
}
