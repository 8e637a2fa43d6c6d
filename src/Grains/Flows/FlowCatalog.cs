using Tributary.Grains;
using Tributary.Handlers;

namespace Tributary.Flows;

/// <summary>
/// The flows registered on a silo. Built at start-up, when every flow's handlers are checked against the host's
/// handler kinds, so a flow that names an unregistered kind stops the silo from starting rather than failing a run.
/// </summary>
public sealed class FlowCatalog : IFlowCatalog
{
    private readonly Dictionary<string, FlowDefinition> _flows;

    /// <summary>Creates the catalog.</summary>
    /// <param name="flows">The flows.</param>
    /// <param name="handlers">The host's handler kinds.</param>
    /// <param name="resolver">The hierarchy, for the global default.</param>
    /// <exception cref="ArgumentException">Two flows share a name, or a flow names a handler kind the host lacks.</exception>
    public FlowCatalog(IEnumerable<FlowDefinition> flows, IResultHandlerCatalog handlers, ResultHandlerResolver resolver)
    {
        _flows = new Dictionary<string, FlowDefinition>(StringComparer.Ordinal);
        CheckKind(handlers, resolver.GlobalDefault, "the configured global default result handler");
        foreach (var flow in flows)
        {
            if (!_flows.TryAdd(flow.Name, flow))
            {
                throw new ArgumentException($"Two flows are registered under the name '{flow.Name}'.", nameof(flows));
            }

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
    public FlowDefinition Get(string name) =>
        _flows.TryGetValue(name, out var flow) ? flow : throw new UnknownFlowException(name, Names);

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
