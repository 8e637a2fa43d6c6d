using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>
/// Flows of 10,000 tasks build and validate with the structure a small one would have: the order, the edges and a version
/// that the same definition gives again. Building is linear in tasks and edges; its speed is measured by the benchmark
/// (<c>definition-build</c>), not here.
/// </summary>
public sealed class LargeFlowBuildTests
{
    private const int Size = 10_000;

    // The task code as fields, so that both builds of a flow use the very same methods (as a redeployed assembly would).
    private static readonly Func<int> First = () => 0;
    private static readonly Func<int, int> Next = value => value + 1;
    private static readonly Func<IReadOnlyList<int>, int> Total = values => values.Sum();

    [Fact]
    public void Build_ChainOfTenThousandTasks_OrdersEveryTaskAfterItsUpstreamAndKeepsItsVersion()
    {
        var flow = Chain(Size);

        Assert.Equal(Size, flow.Tasks.Count);
        Assert.Equal(Enumerable.Range(0, Size).Select(TaskName), flow.TaskOrder);
        Assert.Empty(flow.Upstream[TaskName(0)]);
        Assert.Equal([TaskName(4_999)], flow.Upstream[TaskName(5_000)]);
        Assert.Equal([TaskName(5_001)], flow.Downstream[TaskName(5_000)]);
        Assert.Empty(flow.Downstream[TaskName(Size - 1)]);
        Assert.Equal(flow.Version, Chain(Size).Version);
        Assert.NotEqual(flow.Version, Chain(Size - 1).Version);
    }

    [Fact]
    public void Build_FanInOfTenThousandUpstreams_PutsTheGatheringTaskLastWithEveryUpstreamInOrder()
    {
        var flow = FanIn(Size);

        Assert.Equal(Size + 1, flow.Tasks.Count);
        Assert.Equal("total", flow.TaskOrder[^1]);
        Assert.Equal(Enumerable.Range(0, Size).Select(TaskName), flow.TaskOrder.Take(Size));
        Assert.Equal(Enumerable.Range(0, Size).Select(TaskName), flow.Upstream["total"]);
        Assert.Equal(Size, flow.Tasks["total"].Function.Inputs.Count);
        Assert.All(Enumerable.Range(0, Size), i => Assert.Equal(["total"], flow.Downstream[TaskName(i)]));
        Assert.Equal(flow.Version, FanIn(Size).Version);
    }

    [Fact]
    public void Build_LongCycle_NamesTheWholeCycle()
    {
        // Guards the cycle report once the order became linear: a 10,000-task ring is still named task by task.
        var flow = new FlowBuilder("ring");
        for (var i = 0; i < Size; i++)
        {
            flow.Task(TaskName(i), (int previous) => previous).WithInput("previous", TaskName((i + Size - 1) % Size));
        }

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        var path = Assert.Single(error.Problems)["it has a cycle: ".Length..].Split(" -> ");
        Assert.Equal(Size + 1, path.Length);
        Assert.Equal(path[0], path[^1]);
        Assert.Equal(Size, path.Distinct().Count());
    }

    [Fact]
    public void Task_NameTakenInALargeFlow_IsRefused()
    {
        var flow = new FlowBuilder("taken");
        var previous = flow.Task(TaskName(0), First);
        for (var i = 1; i < Size; i++)
        {
            previous = flow.Task(TaskName(i), Next, previous);
        }

        var error = Assert.Throws<ArgumentException>(() => flow.Task(TaskName(Size / 2), First));

        Assert.Equal($"Flow 'taken' already has a node named '{TaskName(Size / 2)}'. (Parameter 'name')", error.Message);
    }

    private static FlowDefinition Chain(int size)
    {
        var flow = new FlowBuilder("chain");
        var previous = flow.Task(TaskName(0), First);
        for (var i = 1; i < size; i++)
        {
            previous = flow.Task(TaskName(i), Next, previous);
        }

        return flow.Build();
    }

    private static FlowDefinition FanIn(int size)
    {
        var flow = new FlowBuilder("fan-in");
        var upstreams = Enumerable.Range(0, size).Select(i => flow.Task(TaskName(i), First)).ToArray();
        flow.Task("total", Total, flow.Gather(upstreams));
        return flow.Build();
    }

    private static string TaskName(int index) => $"t{index:D5}";
}
