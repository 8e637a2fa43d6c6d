using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>
/// A flow with a wiring mistake is refused when it is built, with an error that names the mistake and where it is. The
/// mistakes (an unknown source or input, an unconnected input, a type the source cannot give, a cycle of inputs) can be
/// made only in the run-time-graph layer, where tasks are wired by name (<c>WithInput</c>), so these tests wire by name on
/// purpose. The typed API cannot write them: each input is an argument, a task takes only nodes that exist, and a node of
/// the wrong type does not compile (<see cref="TypedWiringCompileTests"/>; a cycle through <c>After</c> is in
/// <see cref="TypedFlowBuilderTests"/>).
/// </summary>
public sealed class FlowBuilderTests
{
    [Fact]
    public void Build_Cycle_ThrowsNamingTheCycle()
    {
        var flow = new FlowBuilder("cyclic");
        flow.Task("a", (int fromC) => fromC).WithInput("fromC", "c");
        flow.Task("b", (int fromA) => fromA).WithInput("fromA", "a");
        flow.Task("c", (int fromB) => fromB).WithInput("fromB", "b");

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("it has a cycle: ", problem);
        // The cycle in the direction data flows, closed on its first task, from any task: a -> b -> c -> a, rotated.
        var path = problem["it has a cycle: ".Length..].Split(" -> ");
        Assert.Equal(path[0], path[^1]);
        var start = Array.IndexOf(path, "a");
        Assert.Equal(["a", "b", "c"], path[..^1].Skip(start).Concat(path[..^1].Take(start)));
        Assert.Equal("cyclic", error.FlowName);
    }

    [Fact]
    public void Build_SelfLoop_ThrowsNamingTheCycle()
    {
        var flow = new FlowBuilder("self");
        flow.Task("a", (int again) => again).WithInput("again", "a");

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        Assert.StartsWith("Flow 'self' is invalid: ", error.Message); // the definition, not a run's parameters
        Assert.Contains("it has a cycle: a -> a", error.Message);
    }

    [Fact]
    public void Build_EdgeFromUnknownTask_ThrowsNamingTaskInputAndSource()
    {
        var flow = new FlowBuilder("unknown-source");
        flow.Task("a", (int value) => value).WithInput("value", "nowhere");

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        Assert.Equal(["task 'a' input 'value' takes from 'nowhere', which is neither a task nor a parameter of the flow"], error.Problems);
    }

    [Fact]
    public void Build_EdgeToUnknownInput_ThrowsNamingTheInputAndTheTasksInputs()
    {
        var flow = new FlowBuilder("unknown-input");
        var source = flow.Task("source", () => 1);
        flow.Task("sink", (int value, CancellationToken cancellationToken) => value).WithInput("value", source).WithInput("valeu", source);

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        Assert.Equal(["task 'sink' has no input 'valeu' (its inputs: value)"], error.Problems);
    }

    [Fact]
    public void Build_InputLeftUnconnected_ThrowsNamingTheInput()
    {
        var flow = new FlowBuilder("unconnected");
        var source = flow.Task("source", () => "text");
        flow.Task("sink", (string text, int count) => text + count).WithInput("text", source);

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        Assert.Equal(["task 'sink' input 'count' is not connected (call WithInput(\"count\", ...))"], error.Problems);
    }

    [Fact]
    public void Build_InputTypeTheSourceCannotGive_ThrowsNamingBothTypes()
    {
        var flow = new FlowBuilder("mistyped");
        var count = flow.Parameter<int>("count");
        flow.Task("sink", (string text) => text).WithInput("text", count);

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        Assert.Equal(["task 'sink' input 'text' is a String, but 'count' gives a Int32"], error.Problems);
    }

    [Fact]
    public void Build_NoTasks_Throws()
    {
        var error = Assert.Throws<FlowValidationException>(new FlowBuilder("empty").Build);

        Assert.Equal(["it has no tasks"], error.Problems);
    }

    [Fact]
    public void Build_SeveralMistakes_ListsEveryOne()
    {
        var flow = new FlowBuilder("many");
        flow.Task("a", (int x, int y) => x + y).WithInput("x", "ghost").WithInput("z", "ghost");

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        Assert.Equal(3, error.Problems.Length); // the unknown source, the unknown input, the unconnected input
        Assert.Contains(error.Problems, p => p.Contains("'ghost'"));
        Assert.Contains(error.Problems, p => p.Contains("no input 'z'"));
        Assert.Contains(error.Problems, p => p.Contains("input 'y' is not connected"));
    }

    [Fact]
    public void Task_DuplicateName_ThrowsNamingIt()
    {
        var flow = new FlowBuilder("twice");
        flow.Task("a", () => 1);

        var error = Assert.Throws<ArgumentException>(() => flow.Task("a", () => 2));

        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void Build_DiamondWithParameter_OrdersTasksAfterTheirUpstreams()
    {
        var flow = new FlowBuilder("diamond");
        var seed = flow.Parameter("seed", 1);
        var a = flow.Task("a", (int seed) => seed, seed);
        var b = flow.Task("b", (int x) => x, a);
        var c = flow.Task("c", (int x, TaskRunContext context) => x, a);
        flow.Task("d", (int left, int right) => left + right, c, b);

        var definition = flow.Build();

        Assert.Equal("a", definition.TaskOrder[0]);
        Assert.Equal("d", definition.TaskOrder[^1]);
        Assert.Equal(["b", "c"], definition.Downstream["a"].Order());
        Assert.Equal(["b", "c"], definition.Upstream["d"].Order());
        Assert.Empty(definition.Upstream["a"]); // parameters are not upstream tasks
        Assert.Equal("1", definition.Parameters["seed"].DefaultJson);
    }
}
