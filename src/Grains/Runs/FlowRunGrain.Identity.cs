using System.Collections.Immutable;
using Tributary.Flows;
using Tributary.Grains;

namespace Tributary.Runs;

internal sealed partial class FlowRunGrain
{
    /// <summary>
    /// Throws unless the flow and parameters asked for are this run's: a run id is a promise, and starting it again is
    /// idempotent only for the same flow and the same parameters (compared after defaults are bound, as JSON values).
    /// </summary>
    /// <exception cref="FlowRunConflictException">Another flow or other parameters; the message names both.</exception>
    private void EnsureSameRun(string flowName, ImmutableDictionary<string, string> requested)
    {
        if (!string.Equals(flowName, State.FlowName, StringComparison.Ordinal))
        {
            throw Conflict(flowName, requested, detail: null);
        }

        // Bind with the defaults the run was bound with: its own version's (a newer version may default differently).
        var definition = State.FlowVersion is { } version && _flows.TryGet(State.FlowName, version, out var own)
            ? own
            : _flows.VersionsOf(State.FlowName).Count > 0 ? _flows.Get(State.FlowName) : null;
        if (definition is null)
        {
            // No version of the flow is registered any more, so its defaults are unknown: the values given must be the run's.
            if (requested.Any(pair => !State.Parameters.TryGetValue(pair.Key, out var json) || !ParameterValues.SameJson(json, pair.Value)))
            {
                throw Conflict(flowName, requested, detail: null);
            }

            return;
        }

        ImmutableDictionary<string, string> bound;
        try
        {
            bound = ParameterBinder.Bind(definition, requested);
        }
        catch (FlowValidationException ex)
        {
            throw Conflict(flowName, requested, ex.Message);
        }

        if (!ParameterValues.AreEqual(State.Parameters, bound))
        {
            throw Conflict(flowName, bound, detail: null);
        }
    }

    private FlowRunConflictException Conflict(string flowName, ImmutableDictionary<string, string> requested, string? detail) =>
        new(State.FlowRunId, State.FlowName, State.Parameters, flowName, requested, detail);
}
