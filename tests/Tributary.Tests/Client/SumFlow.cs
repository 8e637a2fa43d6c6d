using Tributary.Flows;
using Tributary.Handlers;

namespace Tributary.Tests.Client;

/// <summary>
/// A flow provider that exposes its typed nodes, the way an application shares its flows' code between the silo (which
/// registers the definition) and a client (which reads outputs typed by the nodes). <see cref="LightClientTests"/>
/// compiles this file into the SDK-only console app too.
/// </summary>
public sealed class SumFlow : IFlowProvider
{
    /// <summary>The flow's name.</summary>
    public const string Name = "light-client-sum";

    private readonly FlowDefinition _definition;

    /// <summary>Defines the flow: <c>total</c> = a + b, then <c>describe</c> puts it in words; JSON handler, so any host reads them.</summary>
    public SumFlow()
    {
        var flow = new FlowBuilder(Name).WithResultHandler(ResultHandlers.Json);
        var a = flow.Parameter<int>("a");
        var b = flow.Parameter<int>("b");
        Total = flow.Task("total", (int a, int b) => a + b, a, b);
        Describe = flow.Task("describe", (int total) => $"the total is {total}", Total);
        _definition = flow.Build();
    }

    /// <summary>The sum of the parameters.</summary>
    public TaskNode<int> Total { get; }

    /// <summary>The sum in words.</summary>
    public TaskNode<string> Describe { get; }

    /// <inheritdoc />
    public FlowDefinition Define() => _definition;
}
