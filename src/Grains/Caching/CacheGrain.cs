using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Options;
using Tributary.Runs;
using Tributary.Storage;

namespace Tributary.Caching;

/// <summary>
/// One cache key's entries (persisted through the Tributary grain storage: Azure Table in a cluster) and its compute
/// leases (in memory: a lease lost with the activation only means that two runs may both compute, never a wrong hit).
/// </summary>
internal sealed partial class CacheGrain(
    [PersistentState("cache", TributaryStorage.Name)] IPersistentState<CacheState> state,
    IOptions<CacheOptions> options,
    TimeProvider time,
    StorageRetry storageRetry,
    ILogger<CacheGrain> logger) : Grain, ICacheGrain
{
    private readonly CacheOptions _options = options.Value;
    private readonly Dictionary<string, (string Holder, DateTimeOffset Until)> _leases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _leaseWaiters = new(StringComparer.Ordinal);

    private string Key => this.GetPrimaryKeyString();

    public async Task<IReadOnlyList<CacheEntry>> GetEntriesAsync(string? version) =>
        CacheEntries.NewestFirst(await UnexpiredAsync(), version);

    public async Task<IReadOnlyList<CacheEntry>> ListAsync() => [.. (await UnexpiredAsync()).Reverse()];

    public Task<CacheLease> TryLeaseAsync(string fingerprint, string holder, TimeSpan duration)
    {
        var now = time.GetUtcNow();
        if (_leases.TryGetValue(fingerprint, out var lease) && lease.Until > now && lease.Holder != holder)
        {
            return Task.FromResult(new CacheLease { Granted = false, Holder = lease.Holder, Until = lease.Until });
        }

        _leases[fingerprint] = (holder, now + duration);
        return Task.FromResult(new CacheLease { Granted = true });
    }

    public Task ReleaseLeaseAsync(string fingerprint, string holder)
    {
        Release(fingerprint, holder);
        return Task.CompletedTask;
    }

    public async Task<bool> WaitForLeaseAsync(string fingerprint, TimeSpan maxWait)
    {
        if (!_leases.TryGetValue(fingerprint, out var lease) || lease.Until <= time.GetUtcNow())
        {
            return true;
        }

        if (!_leaseWaiters.TryGetValue(fingerprint, out var waiter))
        {
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _leaseWaiters[fingerprint] = waiter;
        }

        var wait = lease.Until - time.GetUtcNow();
        try
        {
            await waiter.Task.WaitAsync(wait < maxWait ? wait : maxWait, time);
        }
        catch (TimeoutException)
        {
            // Asked again by the caller, or the lease lapsed: the answer below says which.
        }

        return !_leases.TryGetValue(fingerprint, out lease) || lease.Until <= time.GetUtcNow();
    }

    public async Task AddAsync(CacheEntry entry, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            if (!state.State.Indexed)
            {
                // Listed first, stored second: a key that is listed and empty is harmless, an unlisted one is invisible.
                await GrainFactory.GetGrain<ICacheIndexGrain>(ICacheIndexGrain.Name).AddAsync(Key);
            }

            await WriteAsync(state.State with
            {
                Entries = CacheEntries.Add(state.State.Entries, entry, _options.MaxEntriesPerKey, time.GetUtcNow()),
                Indexed = true,
            });
            LogAdded(logger, Key, entry.Id, entry.FlowRunId, entry.TaskName);
        }
        finally
        {
            Release(fingerprint, $"{entry.FlowRunId}/{entry.TaskName}");
        }
    }

    public async Task RecordHitAsync(string entryId)
    {
        var entries = state.State.Entries;
        var index = entries.IsDefault ? -1 : entries.IndexOf(entries.FirstOrDefault(entry => entry.Id == entryId)!);
        if (index < 0)
        {
            return;
        }

        await WriteAsync(state.State with { Entries = entries.SetItem(index, entries[index] with { Hits = entries[index].Hits + 1 }) });
    }

    public async Task<bool> RemoveAsync(string entryId)
    {
        var entries = state.State.Entries;
        if (entries.IsDefaultOrEmpty || !entries.Any(entry => entry.Id == entryId))
        {
            return false;
        }

        await WriteAsync(state.State with { Entries = [.. entries.Where(entry => entry.Id != entryId)] });
        LogRemoved(logger, Key, entryId);
        return true;
    }

    public async Task<int> ClearAsync()
    {
        var count = state.State.Entries.IsDefault ? 0 : state.State.Entries.Length;
        if (count > 0 || state.State.Indexed)
        {
            await WriteAsync(new CacheState());
        }

        await GrainFactory.GetGrain<ICacheIndexGrain>(ICacheIndexGrain.Name).RemoveAsync(Key);
        LogCleared(logger, Key, count);
        return count;
    }

    /// <summary>The unexpired entries, oldest first; expired ones are removed from storage as they are found.</summary>
    private async Task<System.Collections.Immutable.ImmutableArray<CacheEntry>> UnexpiredAsync()
    {
        var entries = state.State.Entries.IsDefault ? [] : state.State.Entries;
        var unexpired = CacheEntries.Unexpired(entries, time.GetUtcNow());
        if (unexpired.Length != entries.Length)
        {
            try
            {
                await WriteAsync(state.State with { Entries = unexpired });
            }
            catch (Exception ex)
            {
                // Not fatal: they are left out of the answer anyway, and removed at the next write.
                LogPruneFailed(logger, ex, Key);
            }
        }

        return unexpired;
    }

    /// <summary>Writes a new state; after a failure, the state in memory is the stored one again.</summary>
    private Task WriteAsync(CacheState next) => state.WriteOrRestoreAsync(next, storageRetry);

    private void Release(string fingerprint, string holder)
    {
        if (_leases.TryGetValue(fingerprint, out var lease) && lease.Holder == holder)
        {
            _leases.Remove(fingerprint);
        }

        if (_leaseWaiters.Remove(fingerprint, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
