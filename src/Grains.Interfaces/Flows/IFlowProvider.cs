namespace Tributary.Flows;

/// <summary>
/// A class that defines one flow. A silo registers every provider of an assembly with <c>AddFlowsFromAssembly</c>, or
/// one with <c>AddFlow&lt;TProvider&gt;()</c>, and creates it from its services when it starts: the constructor can
/// take singleton services (<c>IConfiguration</c>, <c>IOptions&lt;T&gt;</c>), which the provider need not register.
/// </summary>
public interface IFlowProvider
{
    /// <summary>Builds the flow's definition.</summary>
    FlowDefinition Define();
}
