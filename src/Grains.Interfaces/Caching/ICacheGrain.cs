using Orleans.Concurrency;

namespace Tributary.Caching;

/// <summary>
/// The cache of one cache key (<see cref="Flows.TaskOptions.CacheKey"/>), keyed by it: its entries, persisted through the
/// cluster's grain storage so that every silo sees them and they survive restarts, and a compute lease so that two runs
/// reaching the key at once do not both compute.
/// </summary>
/// <remarks>
/// The grain keeps at most <c>Tributary:Cache:MaxEntriesPerKey</c> entries (the oldest go first) and drops expired ones
/// whenever it reads or writes them. It never validates: the task's validator runs on the task's silo, on the entries
/// this grain gives. An entry is added whole, with its output already written through its handler, in one state write:
/// there is no half-written entry.
/// </remarks>
[Alias("tributary.cache")]
public interface ICacheGrain : IGrainWithStringKey
{
    /// <summary>The key's entries of <paramref name="version"/>, newest first, none expired.</summary>
    /// <remarks>
    /// Not interleaved (nor is <see cref="ListAsync"/>): removing expired entries writes the state, and two writes of one
    /// activation must not overlap, or one could store a state without the other's entry.
    /// </remarks>
    /// <param name="version">The task's <see cref="Flows.TaskOptions.CacheVersion"/>.</param>
    [Alias("get-entries")]
    Task<IReadOnlyList<CacheEntry>> GetEntriesAsync(string? version);

    /// <summary>Every entry of the key, of any version, newest first, none expired (for listing).</summary>
    [Alias("list")]
    Task<IReadOnlyList<CacheEntry>> ListAsync();

    /// <summary>
    /// Asks for the key's compute lease for one fingerprint (what the validator compares: runs with different inputs do
    /// not wait for each other). Granted when no one else holds it, or theirs lapsed; held in memory only.
    /// </summary>
    /// <param name="fingerprint">The digest of what the caller's validator compares (empty when it compares nothing).</param>
    /// <param name="holder">Who asks: flow run id and task name.</param>
    /// <param name="duration">How long the lease lasts unless the holder adds its entry or releases it first.</param>
    [Alias("try-lease")]
    Task<CacheLease> TryLeaseAsync(string fingerprint, string holder, TimeSpan duration);

    /// <summary>Gives up a lease without adding an entry (the computation failed); nothing if the caller does not hold it.</summary>
    [Alias("release-lease")]
    Task ReleaseLeaseAsync(string fingerprint, string holder);

    /// <summary>
    /// Waits until the lease of <paramref name="fingerprint"/> is released or lapses, or an entry is added, or
    /// <paramref name="maxWait"/> passed.
    /// </summary>
    /// <param name="fingerprint">The fingerprint whose lease the caller waits on.</param>
    /// <param name="maxWait">How long to hold the call; below the cluster's response timeout.</param>
    /// <returns>Whether the lease is free now.</returns>
    [AlwaysInterleave, Alias("wait-lease")]
    Task<bool> WaitForLeaseAsync(string fingerprint, TimeSpan maxWait);

    /// <summary>
    /// Adds an entry (its output already stored), releases the lease of <paramref name="fingerprint"/> held by the
    /// entry's producer, retires entries of other versions and expired ones, and keeps the newest
    /// <c>Tributary:Cache:MaxEntriesPerKey</c>.
    /// </summary>
    [Alias("add")]
    Task AddAsync(CacheEntry entry, string fingerprint);

    /// <summary>Counts a hit on an entry (nothing if it is gone).</summary>
    [Alias("hit")]
    Task RecordHitAsync(string entryId);

    /// <summary>Removes one entry.</summary>
    /// <returns>Whether it was there.</returns>
    [Alias("remove")]
    Task<bool> RemoveAsync(string entryId);

    /// <summary>Removes every entry of the key and drops it from the cache index.</summary>
    /// <returns>How many entries were removed.</returns>
    [Alias("clear")]
    Task<int> ClearAsync();
}
