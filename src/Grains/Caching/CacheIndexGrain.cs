using Tributary.Runs;
using Tributary.Storage;

namespace Tributary.Caching;

/// <summary>The cluster's list of cache keys (names only), persisted through the Tributary grain storage.</summary>
internal sealed class CacheIndexGrain(
    [PersistentState("cache-index", TributaryStorage.Name)] IPersistentState<CacheIndexState> state,
    StorageRetry storageRetry) : Grain, ICacheIndexGrain
{
    public Task<IReadOnlyList<string>> GetKeysAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Keys]);

    public Task AddAsync(string key) =>
        state.State.Keys.Contains(key) ? Task.CompletedTask : WriteAsync(state.State with { Keys = state.State.Keys.Add(key) });

    public Task RemoveAsync(string key) =>
        state.State.Keys.Contains(key) ? WriteAsync(state.State with { Keys = state.State.Keys.Remove(key) }) : Task.CompletedTask;

    private Task WriteAsync(CacheIndexState next) => state.WriteOrRestoreAsync(next, storageRetry);
}
