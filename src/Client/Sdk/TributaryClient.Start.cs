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

        await Cluster.GetGrain<IFlowRunGrain>(flowRunId)
            .StartAsync(flowName, parameters.ToImmutableDictionary())
            .WaitAsync(cancellationToken);
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
        return Cluster.GetGrain<IRunIndexQueryGrain>(0).ListAsync(filter ?? new FlowRunFilter(), pageSize, pageToken).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<FlowRunState> CancelFlowRunAsync(string flowRunId, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        var state = await Cluster.GetGrain<IFlowRunGrain>(flowRunId).CancelAsync(reason).WaitAsync(cancellationToken);
        return state.Status == FlowRunStatus.NotFound
            ? throw new FlowRunNotFoundException(flowRunId)
            : state;
    }

    /// <inheritdoc />
    public Task<FlowRunState> ResumeFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        return Cluster.GetGrain<IFlowRunGrain>(flowRunId).ResumeAsync().WaitAsync(cancellationToken);
    }
}
