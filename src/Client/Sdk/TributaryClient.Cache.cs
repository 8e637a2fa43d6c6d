using System.Collections.Immutable;
using Tributary.Caching;
using Tributary.Grains;

namespace Tributary.Client;

// The cache as users see and manage it: keys and their entries (safe values and digests only), invalidation, and runs
// that refresh it.
public sealed partial class TributaryClient : ITributaryCacheClient
{
    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListCacheKeysAsync(CancellationToken cancellationToken = default) =>
        Retry.ExecuteAsync(
            "listing cache keys",
            token => Cluster.GetGrain<ICacheIndexGrain>(ICacheIndexGrain.Name).GetKeysAsync().WaitAsync(token),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CacheEntry>> ListCacheEntriesAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Retry.ExecuteAsync(
            $"listing the entries of cache key '{key}'",
            token => Cluster.GetGrain<ICacheGrain>(key).ListAsync().WaitAsync(token),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> ClearCacheAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        // Not tried again: a second try after a lost answer would count 0 entries cleared.
        return Cluster.GetGrain<ICacheGrain>(key).ClearAsync().WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RemoveCacheEntryAsync(string key, string entryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(entryId);
        // Not tried again: a second try after a lost answer would say the entry was not there.
        return Cluster.GetGrain<ICacheGrain>(key).RemoveAsync(entryId).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// As <see cref="StartFlowRunWithJsonAsync(string, IReadOnlyDictionary{string, string}, string?, CancellationToken)"/>,
    /// with options for the run: <see cref="FlowRunOptions.RefreshCache"/> makes its cached tasks ignore existing entries
    /// and write fresh ones.
    /// </summary>
    /// <param name="flowName">The flow.</param>
    /// <param name="parameters">Parameter values as JSON text, by name.</param>
    /// <param name="flowRunId">The run's id; a new one when <see langword="null"/>. An existing run keeps its own options.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's id.</returns>
    public async Task<string> StartFlowRunWithJsonAsync(
        string flowName,
        IReadOnlyDictionary<string, string> parameters,
        string? flowRunId,
        FlowRunOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowName);
        ArgumentNullException.ThrowIfNull(options);
        flowRunId ??= Guid.NewGuid().ToString("N");
        if (flowRunId.Contains('/'))
        {
            throw new ArgumentException($"A flow run id cannot contain '/': '{flowRunId}'.", nameof(flowRunId));
        }

        // As the start without options: one id for every try.
        var json = parameters.ToImmutableDictionary();
        await Retry.ExecuteAsync(
            $"starting flow run '{flowRunId}' of flow '{flowName}'",
            token => Cluster.GetGrain<IFlowRunGrain>(flowRunId).StartAsync(flowName, json, options).WaitAsync(token),
            cancellationToken).ConfigureAwait(false);
        return flowRunId;
    }
}
