using System.Text.Json.Nodes;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Serialization;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using static Tributary.Testing.ConformanceSamples;

namespace Tributary.Tests.Runs;

/// <summary>Outputs reach the tasks that take them, across a diamond a → (b, c) → d.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class DataPassingTests(TributaryClusterFixture cluster)
{
    private const string Diamond = "diamond";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Diamond);
        var seed = flow.Parameter<int>("seed");
        var a = flow.Task("a", (int seed, TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            return new Point(seed, seed * 2);
        }, seed);
        var b = flow.Task("b", (Point point, TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            return $"b:{point.X}";
        }, a);
        var c = flow.Task("c", (Point point, TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            return point.X + point.Y;
        }, a);
        flow.Task("d", (string left, int right, TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            TaskProbes.Record(context, (left, right));
            return $"{left}+{right}";
        }, b, c, new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });
        yield return flow.Build();
    }

    [Fact]
    public async Task Run_Diamond_JoinGetsBothBranchesComputedFromTheSharedUpstream()
    {
        var runId = await cluster.StartAsync(Diamond, ("seed", 7));

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(("b:7", 21), TaskProbes.ReceivedBy(runId, "d"));
        var d = await cluster.TaskRun(runId, "d").GetStateAsync();
        // The JSON handler's safe value is the data itself.
        Assert.Equal("b:7+21", JsonNode.Parse(d.Output!.Json)!.GetValue<string>());
        foreach (var task in new[] { "a", "b", "c", "d" })
        {
            Assert.Equal(1, TaskProbes.CountOf(runId, task));
            var state = await cluster.TaskRun(runId, task).GetStateAsync();
            Assert.Equal((TaskRunStatus.Success, 1), (state.Status, state.Attempt));
        }
    }

    [Fact]
    public async Task GetOutput_BranchOutputNotCheckpointed_GivesTheValueFromMemory()
    {
        var runId = await cluster.StartAsync(Diamond, ("seed", 2));
        await cluster.WaitForFlowAsync(runId);

        var output = await cluster.TaskRun(runId, "a").GetOutputAsync();

        Assert.Null(output.SafeValue); // not checkpointed: the value lived in the activation only
        Assert.Equal(new Point(2, 4), SystemTextJsonResultSerializer.Default.Deserialize(output.Payload, typeof(Point)));
        Assert.Equal(TypeNames.Of(typeof(Point)), output.ValueTypeName);
    }
}
