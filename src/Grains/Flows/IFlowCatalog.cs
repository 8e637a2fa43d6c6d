using System.Diagnostics.CodeAnalysis;

namespace Tributary.Flows;

/// <summary>
/// The flows a silo runs, by name and version. A name can have several versions (several definitions registered under
/// it, e.g. an old assembly's and a new one's): new runs take the newest, the last registered; a run in flight asks for
/// the version it started with.
/// </summary>
public interface IFlowCatalog
{
    /// <summary>The registered flow names, sorted.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>Gives the newest version of a flow (the last registered under that name).</summary>
    /// <param name="name">The flow's name.</param>
    /// <exception cref="Grains.UnknownFlowException">No flow of that name is registered.</exception>
    FlowDefinition Get(string name);

    /// <summary>Gives one version of a flow.</summary>
    /// <param name="name">The flow's name.</param>
    /// <param name="version">Its <see cref="FlowDefinition.Version"/>.</param>
    /// <exception cref="Grains.UnknownFlowException">No flow of that name is registered.</exception>
    /// <exception cref="Grains.FlowVersionNotFoundException">The flow is registered, but not in that version; the message names the versions that are.</exception>
    FlowDefinition Get(string name, string version);

    /// <summary>Gives one version of a flow if the silo registers it (<see langword="false"/> for an unknown name too).</summary>
    /// <param name="name">The flow's name.</param>
    /// <param name="version">Its <see cref="FlowDefinition.Version"/>.</param>
    /// <param name="flow">The definition, when registered.</param>
    bool TryGet(string name, string version, [NotNullWhen(true)] out FlowDefinition? flow);

    /// <summary>The registered versions of a flow, oldest first (the last is the newest); empty for an unknown name.</summary>
    /// <param name="name">The flow's name.</param>
    IReadOnlyList<string> VersionsOf(string name);
}
