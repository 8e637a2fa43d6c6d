using System.Collections.Immutable;
using System.Text.Json;
using Tributary.Grains;
using Tributary.Index;
using Tributary.Serialization;
using Tributary.States;

namespace Tributary.Client;

public sealed partial class TributaryClient
{
    /// <inheritdoc />
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

    /// <inheritdoc />
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

        // The id is chosen once, before the first try: a run id is a promise, so a try made again after a fault that hid
        // the first one's answer gives the run the first one started, and never starts a second.
        var json = parameters.ToImmutableDictionary();
        await Retry.ExecuteAsync(
            $"starting flow run '{flowRunId}' of flow '{flowName}'",
            token => Cluster.GetGrain<IFlowRunGrain>(flowRunId).StartAsync(flowName, json).WaitAsync(token),
            cancellationToken).ConfigureAwait(false);
        return flowRunId;
    }

    /// <inheritdoc />
    public Task<FlowRunPage> ListFlowRunsAsync(
        FlowRunFilter? filter = null,
        int pageSize = 50,
        string? pageToken = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var query = filter ?? new FlowRunFilter();
        return Retry.ExecuteAsync(
            "listing flow runs",
            token => Cluster.GetGrain<IRunIndexQueryGrain>(0).ListAsync(query, pageSize, pageToken).WaitAsync(token),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<FlowRunState> CancelFlowRunAsync(string flowRunId, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        // Cancelling again is harmless (the grain says so): a lost answer is asked for again.
        var state = await Retry.ExecuteAsync(
            $"cancelling flow run '{flowRunId}'",
            token => Cluster.GetGrain<IFlowRunGrain>(flowRunId).CancelAsync(reason).WaitAsync(token),
            cancellationToken).ConfigureAwait(false);
        return state.Status == FlowRunStatus.NotFound
            ? throw new FlowRunNotFoundException(flowRunId)
            : state;
    }

    /// <inheritdoc />
    public Task<FlowRunState> ResumeFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        // Not tried again: had a first try resumed the run and its answer been lost, a second would be refused as
        // "still running", or resume the run once more should it have failed again in between.
        return Cluster.GetGrain<IFlowRunGrain>(flowRunId).ResumeAsync().WaitAsync(cancellationToken);
    }
}
