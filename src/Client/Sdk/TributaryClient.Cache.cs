using System.Collections.Immutable;
using Tributary.Caching;
using Tributary.Grains;

namespace Tributary.Client;

// The cache as users see and manage it: keys and their entries (safe values and digests only), invalidation, and runs
// that refresh it.
public sealed partial class TributaryClient
{
    /// <summary>The cache keys that hold entries, sorted (from the cluster's cache index).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<string>> ListCacheKeysAsync(CancellationToken cancellationToken = default) =>
        Cluster.GetGrain<ICacheIndexGrain>(ICacheIndexGrain.Name).GetKeysAsync().WaitAsync(cancellationToken);

    /// <summary>
    /// The unexpired entries of a cache key, newest first: producing run and task, created, expires, safe value, hits,
    /// version and the digests its validator compares (never the values).
    /// </summary>
    /// <param name="key">The cache key (<see cref="Flows.TaskOptions.CacheKey"/>, by default "flow/task").</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<IReadOnlyList<CacheEntry>> ListCacheEntriesAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Cluster.GetGrain<ICacheGrain>(key).ListAsync().WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Invalidates a whole key: its entries are removed (the outputs they point to stay in the handlers' storage) and the
    /// next run of a task with that key runs its code.
    /// </summary>
    /// <param name="key">The cache key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many entries were removed.</returns>
    public Task<int> ClearCacheAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Cluster.GetGrain<ICacheGrain>(key).ClearAsync().WaitAsync(cancellationToken);
    }

    /// <summary>Invalidates one entry of a key (see <see cref="CacheEntry.Id"/>).</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="entryId">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the entry was there.</returns>
    public Task<bool> RemoveCacheEntryAsync(string key, string entryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(entryId);
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

        await Cluster.GetGrain<IFlowRunGrain>(flowRunId)
            .StartAsync(flowName, parameters.ToImmutableDictionary(), options)
            .WaitAsync(cancellationToken);
        return flowRunId;
    }
}
