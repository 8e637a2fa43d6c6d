namespace Tributary.Caching;

/// <summary>
/// The cluster's list of cache keys that hold entries (one grain, key <see cref="Name"/>): key names only, so that the
/// cache can be listed without scanning storage. A cache grain adds its key with its first entry and removes it when cleared.
/// </summary>
[Alias("tributary.cache-index")]
public interface ICacheIndexGrain : IGrainWithStringKey
{
    /// <summary>The one index grain's key.</summary>
    const string Name = "all";

    /// <summary>The keys, sorted.</summary>
    [Alias("keys")]
    Task<IReadOnlyList<string>> GetKeysAsync();

    /// <summary>Adds a key (nothing if listed).</summary>
    [Alias("add")]
    Task AddAsync(string key);

    /// <summary>Removes a key (nothing if not listed).</summary>
    [Alias("remove")]
    Task RemoveAsync(string key);
}
