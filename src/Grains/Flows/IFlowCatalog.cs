using Tributary.Flows;

namespace Tributary.Flows;

/// <summary>The flows a silo runs, by name.</summary>
public interface IFlowCatalog
{
    /// <summary>The registered flow names, sorted.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>Gives a flow by name.</summary>
    /// <param name="name">The flow's name.</param>
    /// <exception cref="Grains.UnknownFlowException">No flow of that name is registered.</exception>
    FlowDefinition Get(string name);
}
