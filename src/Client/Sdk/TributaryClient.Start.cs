using System.Collections.Immutable;
using System.Text.Json;
using Tributary.Grains;
using Tributary.Serialization;
using Tributary.States;

namespace Tributary.Client;

public sealed partial class TributaryClient
{
    /// <summary>
    /// Starts a flow run with parameters given as .NET values (serialized to JSON), on the newest version of the flow the
    /// cluster registers; the run keeps that version to its end.
    /// </summary>
    /// <param name="flowName">The flow, as registered on the silo.</param>
    /// <param name="parameters">Parameter values by name; <see langword="null"/> for none.</param>
    /// <param name="flowRunId">
    /// The run's id; a new one when <see langword="null"/>. A run id is a promise: starting an existing id again with the
    /// same flow and parameters gives that run and starts nothing (parameters are compared after defaults are bound, as
    /// JSON values); another flow or other parameters are refused with <see cref="FlowRunConflictException"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's id.</returns>
    /// <exception cref="UnknownFlowException">No flow of that name is registered.</exception>
    /// <exception cref="Flows.FlowValidationException">A parameter is missing, unknown or of the wrong type.</exception>
    /// <exception cref="FlowRunConflictException">The id names a run of another flow or with other parameters; the message names both.</exception>
    public Task<string> StartFlowRunAsync(
        string flowName,
        IReadOnlyDictionary<string, object?>? parameters = null,
        string? flowRunId = null,
        CancellationToken cancellationToken = default)
    {
        var options = SystemTextJsonResultSerializer.Default.Options;
        var json = (parameters ?? ImmutableDictionary<string, object?>.Empty)
            .ToImmutableDictionary(pair => pair.Key, pair => JsonSerializer.Serialize(pair.Value, pair.Value?.GetType() ?? typeof(object), options));
        return StartFlowRunWithJsonAsync(flowName, json, flowRunId, cancellationToken);
    }

    /// <summary>Starts a flow run with parameters given as JSON text (for a string parameter, a bare word is the string).</summary>
    /// <param name="flowName">The flow.</param>
    /// <param name="parameters">Parameter values as JSON text, by name.</param>
    /// <param name="flowRunId">
    /// The run's id; a new one when <see langword="null"/>. As for <see cref="StartFlowRunAsync"/>: the same flow and
    /// parameters give the existing run, anything else is refused.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's id.</returns>
    /// <exception cref="UnknownFlowException">No flow of that name is registered.</exception>
    /// <exception cref="Flows.FlowValidationException">A parameter is missing, unknown or of the wrong type.</exception>
    /// <exception cref="FlowRunConflictException">The id names a run of another flow or with other parameters; the message names both.</exception>
    public async Task<string> StartFlowRunWithJsonAsync(
        string flowName,
        IReadOnlyDictionary<string, string> parameters,
        string? flowRunId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowName);
        flowRunId ??= Guid.NewGuid().ToString("N");
        if (flowRunId.Contains('/'))
        {
            throw new ArgumentException($"A flow run id cannot contain '/': '{flowRunId}'.", nameof(flowRunId));
        }

        await Cluster.GetGrain<IFlowRunGrain>(flowRunId)
            .StartAsync(flowName, parameters.ToImmutableDictionary())
            .WaitAsync(cancellationToken);
        return flowRunId;
    }

    /// <summary>
    /// Resumes a failed run under its id, on the version of the flow it started with. The tasks that failed, and those
    /// that did not run because of them, run again, each with its full retries (<c>MaxRetries</c> counts afresh from the
    /// resume), while attempt numbers go on from where they were. Tasks that succeeded do not run again: a checkpointed
    /// output is read back through its handler; an output that was not checkpointed and whose activation is gone is
    /// recomputed by running its task again, as for any lost output. Wait for the run with <see cref="WaitForFlowRunAsync"/>.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's state, running again; <see cref="FlowRunState.Resumes"/> counts its resumes.</returns>
    /// <exception cref="FlowRunNotResumableException">
    /// No run has that id, the run is still running, it succeeded, or the cluster no longer registers the version of the
    /// flow it started with; the message says which.
    /// </exception>
    public Task<FlowRunState> ResumeFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        return Cluster.GetGrain<IFlowRunGrain>(flowRunId).ResumeAsync().WaitAsync(cancellationToken);
    }
}
