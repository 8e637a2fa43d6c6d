namespace Tributary.Flows;

/// <summary>
/// A class that defines one flow. A silo registers every provider of an assembly with
/// <c>AddFlowsFromAssembly</c>; providers need a public parameterless constructor.
/// </summary>
public interface IFlowProvider
{
    /// <summary>Builds the flow's definition.</summary>
    FlowDefinition Define();
}
