using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>Typed tasks reach the engine as ordinary named inputs and edges; their mistakes still name the task.</summary>
public sealed class TypedFlowBuilderTests
{
    [Fact]
    public void Task_TypedNodes_WiresOneInputPerNodeNamedAfterTheDelegateParameters()
    {
        var flow = new FlowBuilder("typed");
        var text = flow.Parameter<string>("text");
        var length = flow.Task("length", (string s) => s.Length, text);

        var joined = flow.Task("join", (string s, int n, TaskRunContext context, CancellationToken ct) => $"{s}:{n}", text, length);

        var definition = flow.Build().Tasks["join"];
        Assert.Equal([new TaskInput("s", typeof(string)), new TaskInput("n", typeof(int))], definition.Function.Inputs);
        Assert.Equal("text", definition.Edges["s"]);
        Assert.Equal("length", definition.Edges["n"]);
        Assert.Equal(typeof(string), definition.Function.OutputType);
        Assert.Same(definition, joined.Definition);
    }

    [Fact]
    public void AsNullable_ValueTypeNode_DeclaresTheInputNullableSoAnUpstreamWithoutOutputGivesNull()
    {
        var flow = new FlowBuilder("nullable");
        var count = flow.Task("count", () => 3);
        var limit = flow.Parameter<int>("limit");
        flow.Task("after", (int? value, int? max, int exact) => value ?? max ?? exact, count.AsNullable(), limit.AsNullable(), count);

        var after = flow.Build().Tasks["after"];
        Assert.Equal(
            [new TaskInput("value", typeof(int?)), new TaskInput("max", typeof(int?)), new TaskInput("exact", typeof(int))],
            after.Function.Inputs);
        Assert.Equal("count", after.Edges["value"]);
        Assert.Equal("limit", after.Edges["max"]);
    }

    [Fact]
    public async Task InvokeAsync_GatherConstantContextAndToken_BuildsTheArgumentsInOrder()
    {
        var flow = new FlowBuilder("arguments");
        var a = flow.Parameter<int>("a");
        var b = flow.Parameter<int>("b");
        object? received = null;
        using var cancellation = new CancellationTokenSource();
        var task = flow.Task("sum", (IReadOnlyList<int> values, string label, TaskRunContext context, CancellationToken ct) =>
        {
            received = (string.Join(",", values), label, context.TaskName, ct == cancellation.Token);
            return values.Sum();
        }, flow.Gather(b, a, flow.Constant(5)), flow.Constant("total"));

        var function = task.Definition.Function;
        Assert.Equal(["values[0]", "values[1]"], function.Inputs.Select(i => i.Name));
        var output = await function.InvokeAsync([2, 1], new TaskRunContext("run", "sum", 1), cancellation.Token);

        Assert.Equal(8, output);
        Assert.Equal(("2,1,5", "total", "sum", true), received);
    }

    [Fact]
    public void After_VoidTask_AddsAnEdgeThatPassesNoValue()
    {
        var flow = new FlowBuilder("ordered");
        var setup = flow.Task("setup", () => { });
        flow.Task("work", () => 1).After(setup);

        var work = flow.Build().Tasks["work"];

        Assert.Equal("setup", work.Edges["after:setup"]);
        Assert.Equal(["setup"], flow.Build().Upstream["work"]);
        Assert.Equal(typeof(object), work.Function.Inputs.Single().Type);
    }

    [Fact]
    public void After_Parameter_ThrowsNamingTheTask()
    {
        var flow = new FlowBuilder("ordered");
        var count = flow.Parameter<int>("count");
        var work = flow.Task("work", () => 1);

        var error = Assert.Throws<ArgumentException>(() => work.After(count));

        Assert.Contains("Task 'work'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CycleThroughAfter_ThrowsNamingTheTasks()
    {
        var flow = new FlowBuilder("cyclic");
        var first = flow.Task("first", () => 1);
        var second = flow.Task("second", (int n) => n, first);
        first.After(second);

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        Assert.Contains("it has a cycle: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("first", error.Message, StringComparison.Ordinal);
        Assert.Contains("second", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_NodeOfAnotherFlow_ThrowsNamingTheTaskAndBothFlows()
    {
        var other = new FlowBuilder("other").Parameter<int>("count");
        var flow = new FlowBuilder("mine");

        var error = Assert.Throws<ArgumentException>(() => flow.Task("double", (int n) => n * 2, other));

        Assert.Equal("input1", error.ParamName);
        Assert.Contains("Task 'double': 'count' belongs to flow 'other', not to flow 'mine'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TypedTaskRewiredByName_ThrowsNamingTheTaskAndInput()
    {
        var flow = new FlowBuilder("rewired");
        var text = flow.Parameter<string>("text");
        var count = flow.Task("count", (string s) => s.Length, text);
        flow.Task("double", (int n) => n * 2, count).Definition.WithInput("n", text);

        var error = Assert.Throws<FlowValidationException>(flow.Build);

        Assert.Contains("task 'double' input 'n' is a Int32, but 'text' gives a String", error.Problems);
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, false)]
    public void Version_Constant_IsPartOfTheVersion(int first, int second, bool same)
    {
        var versions = new[] { first, second }.Select(value =>
        {
            var flow = new FlowBuilder("constants");
            flow.Task("add", Add, flow.Constant(value));
            return flow.Build().Version;
        }).ToArray();

        Assert.Equal(same, versions[0] == versions[1]);
    }

    private static int Add(int value) => value + 1;
}
