using System.Diagnostics.CodeAnalysis;
using Tributary.Grains;
using Tributary.Handlers;

namespace Tributary.Flows;

/// <summary>
/// The flows registered on a silo, by name and version. Built at start-up, when every flow's handlers are checked
/// against the host's handler kinds, so a flow that names an unregistered kind stops the silo from starting rather than
/// failing a run.
/// </summary>
/// <remarks>
/// Several definitions may share a name: each distinct <see cref="FlowDefinition.Version"/> is kept, and the last one
/// registered is the newest, which new runs take. The same version registered twice is kept once, at its last place.
/// </remarks>
public sealed class FlowCatalog : IFlowCatalog
{
    // Versions of each name, oldest first.
    private readonly Dictionary<string, List<FlowDefinition>> _flows;

    /// <summary>Creates the catalog.</summary>
    /// <param name="flows">The flows, in registration order (a later definition of a name is a newer version).</param>
    /// <param name="handlers">The host's handler kinds.</param>
    /// <param name="resolver">The hierarchy, for the global default.</param>
    /// <exception cref="ArgumentException">A flow names a handler kind the host lacks.</exception>
    public FlowCatalog(IEnumerable<FlowDefinition> flows, IResultHandlerCatalog handlers, ResultHandlerResolver resolver)
    {
        _flows = new Dictionary<string, List<FlowDefinition>>(StringComparer.Ordinal);
        CheckKind(handlers, resolver.GlobalDefault, $"the configured global default result handler ({Options.ResultHandlerOptions.SectionName}:{nameof(Options.ResultHandlerOptions.Kind)})");
        foreach (var flow in flows)
        {
            if (!_flows.TryGetValue(flow.Name, out var versions))
            {
                _flows[flow.Name] = versions = [];
            }

            versions.RemoveAll(known => known.Version == flow.Version);
            versions.Add(flow);
            if (flow.ResultHandler is { } flowHandler)
            {
                CheckKind(handlers, flowHandler, $"flow '{flow.Name}'");
            }

            foreach (var task in flow.Tasks.Values)
            {
                if (task.Options.ResultHandler is { } taskHandler)
                {
                    CheckKind(handlers, taskHandler, $"task '{task.Name}' of flow '{flow.Name}'");
                }
            }
        }

        Names = _flows.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Names { get; }

    /// <inheritdoc />
    public FlowDefinition Get(string name) => VersionsOrThrow(name)[^1];

    /// <inheritdoc />
    public FlowDefinition Get(string name, string version) =>
        VersionsOrThrow(name).Find(known => known.Version == version) ?? throw new FlowVersionNotFoundException(name, version, VersionsOf(name));

    /// <inheritdoc />
    public bool TryGet(string name, string version, [NotNullWhen(true)] out FlowDefinition? flow)
    {
        flow = _flows.TryGetValue(name, out var versions) ? versions.Find(known => known.Version == version) : null;
        return flow is not null;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> VersionsOf(string name) =>
        _flows.TryGetValue(name, out var versions) ? versions.Select(flow => flow.Version).ToArray() : [];

    private List<FlowDefinition> VersionsOrThrow(string name) =>
        _flows.TryGetValue(name, out var versions) ? versions : throw new UnknownFlowException(name, Names);

    private static void CheckKind(IResultHandlerCatalog handlers, ResultHandlerDescriptor descriptor, string owner)
    {
        if (!handlers.IsRegistered(descriptor.Kind))
        {
            throw new ArgumentException(
                $"The result handler of {owner} is of kind '{descriptor.Kind}', which this host has not registered " +
                "(register it, e.g. with AddAzureBlobResultHandler).", nameof(descriptor));
        }
    }
}
