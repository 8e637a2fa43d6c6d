using Tributary.Caching;

namespace Tributary.Client;

/// <summary>
/// The output cache as a program sees and manages it: keys, their entries (safe values and digests only) and
/// invalidation. <see cref="TributaryClient"/> implements it; inject this interface so that tests can give a fake.
/// </summary>
public interface ITributaryCacheClient
{
    /// <summary>The cache keys that hold entries, sorted (from the cluster's cache index).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<string>> ListCacheKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The unexpired entries of a cache key, newest first: producing run and task, created, expires, safe value, hits,
    /// version and the digests its validator compares (never the values).
    /// </summary>
    /// <param name="key">The cache key (<see cref="Flows.TaskOptions.CacheKey"/>, by default "flow/task").</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<CacheEntry>> ListCacheEntriesAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Invalidates a whole key: its entries are removed (the outputs they point to stay in the handlers' storage) and the
    /// next run of a task with that key runs its code.
    /// </summary>
    /// <param name="key">The cache key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many entries were removed.</returns>
    Task<int> ClearCacheAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Invalidates one entry of a key (see <see cref="CacheEntry.Id"/>).</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="entryId">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the entry was there.</returns>
    Task<bool> RemoveCacheEntryAsync(string key, string entryId, CancellationToken cancellationToken = default);
}
