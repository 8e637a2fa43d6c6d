using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>A built flow does not change: its tasks refuse new inputs and options.</summary>
public sealed class TaskNodeTests
{
    // Guards a fixed bug: WithInput and WithOptions still changed a task after Build(), so a FlowDefinition said to be
    // immutable (and already checked and registered) could be rewired.
    [Fact]
    public void WithInput_AfterBuild_ThrowsInvalidOperationExceptionAndTheFlowKeepsItsEdges()
    {
        var (flow, second) = Pair();
        var definition = flow.Build();

        var error = Assert.Throws<InvalidOperationException>(() => second.WithInput("value", "elsewhere"));

        Assert.Contains("'second'", error.Message);
        Assert.Contains("already built", error.Message);
        Assert.Equal("first", definition.Tasks["second"].Edges["value"]);
    }

    [Fact]
    public void WithOptions_AfterBuild_ThrowsInvalidOperationExceptionAndTheFlowKeepsItsOptions()
    {
        var (flow, second) = Pair();
        var definition = flow.Build();

        var error = Assert.Throws<InvalidOperationException>(() => second.WithOptions(new TaskOptions { MaxRetries = 5 }));

        Assert.Contains("already built", error.Message);
        Assert.Equal(TaskOptions.Default, definition.Tasks["second"].Options);
    }

    // The run-time-graph layer (tasks wired by name): only there can a build fail for an input left unconnected.
    [Fact]
    public void WithInput_AfterFailedBuild_StillWiresTheTask()
    {
        var flow = new FlowBuilder("unfinished");
        var first = flow.Task("first", () => 41);
        var second = flow.Task("second", (int value) => value + 1);
        Assert.Throws<FlowValidationException>(flow.Build); // 'value' is not connected yet

        second.WithInput("value", first);

        Assert.Equal("first", flow.Build().Tasks["second"].Edges["value"]);
    }

    /// <summary>A typed flow first → second; gives second's definition, through which anyone could try to rewire it.</summary>
    private static (FlowBuilder Flow, TaskNode Second) Pair()
    {
        var flow = new FlowBuilder("pair");
        var first = flow.Task("first", () => 41);
        var second = flow.Task("second", (int value) => value + 1, first);
        return (flow, second.Definition);
    }
}
