using System.Collections.Immutable;
using System.Text;
using Orleans.Storage;
using Tributary.Runs;
using Tributary.States;

namespace Tributary.Storage;

/// <summary>
/// Keeps a collection of a grain's state that would make its record too large (the cached inputs of a wide fan-in, the
/// task statuses of a large flow) in page records of its own, through the same grain storage. Azure Table storage
/// caps an entity near 1 MB; a page holds at most <see cref="PageBudget"/> bytes of entries, so the only bound left is
/// that one entry must fit a page.
/// </summary>
/// <remarks>
/// Pages are written under a generation the owner's record names (<see cref="SpillReference"/>): the owner writes the
/// pages first and its record after, so a record never names pages that were not written. A write that dies between
/// the two leaves pages of a generation no record names; the owner's next spill uses the same generation number and
/// overwrites them, so nothing piles up. Pages the record no longer names are deleted after it was stored.
/// </remarks>
internal sealed class SpillStore
{
    /// <summary>A collection estimated at fewer bytes than this stays inline in its owner's record.</summary>
    public const int InlineBudget = 64 * 1024;

    /// <summary>The most bytes of entries one page record holds (an entry larger than this gets a page of its own).</summary>
    public const int PageBudget = 192 * 1024;

    // Pages written or read at once: enough to hide round trips, few enough not to swamp the storage account.
    private const int Concurrency = 8;

    private readonly IGrainStorage _storage;
    private readonly string _stateName;
    private readonly GrainId _owner;
    private readonly StorageRetry _retry;

    /// <param name="storage">The owner's grain storage.</param>
    /// <param name="stateName">The spilled collection's name (one owner may spill several).</param>
    /// <param name="owner">The grain whose state the collection belongs to.</param>
    /// <param name="retry">How storage faults are retried.</param>
    public SpillStore(IGrainStorage storage, string stateName, GrainId owner, StorageRetry retry)
    {
        _storage = storage;
        _stateName = stateName;
        _owner = owner;
        _retry = retry;
    }

    /// <summary>An estimate of the bytes a string takes in a stored record.</summary>
    public static int SizeOf(string? text) => text is null ? 1 : Encoding.UTF8.GetByteCount(text) + 5;

    /// <summary>Whether a collection whose entries take <paramref name="estimatedBytes"/> in all stays in its owner's record.</summary>
    public static bool FitsInline(long estimatedBytes) => estimatedBytes < InlineBudget;

    /// <summary>Writes <paramref name="entries"/> as the pages of <paramref name="generation"/>.</summary>
    /// <param name="entries">The collection.</param>
    /// <param name="generation">The generation the owner's record will name.</param>
    /// <param name="sizeOf">An estimate of one entry's stored size in bytes.</param>
    /// <returns>The reference the owner stores in its record.</returns>
    /// <exception cref="Exception">A page could not be written: the storage's last fault.</exception>
    public async Task<SpillReference> WriteAsync<TValue>(
        ImmutableDictionary<string, TValue> entries, int generation, Func<string, TValue, int> sizeOf)
    {
        var pages = Paginate(entries, sizeOf);
        await BoundedConcurrency.ForEachAsync(pages.Count, Concurrency, page => WritePageAsync(generation, page, pages[page]));
        return new SpillReference(generation, pages.Count);
    }

    /// <summary>Reads the collection a reference names.</summary>
    /// <exception cref="StateStorageException">A page the reference names is missing.</exception>
    public async Task<ImmutableDictionary<string, TValue>> ReadAsync<TValue>(SpillReference reference)
    {
        var pages = await BoundedConcurrency.WhenAllAsync(
            Enumerable.Range(0, reference.Pages).ToArray(),
            Concurrency,
            async page =>
            {
                var read = await ReadPageAsync<TValue>(reference.Generation, page);
                return read.RecordExists && read.State is not null
                    ? read.State
                    : throw new StateStorageException(
                        $"Page {page + 1} of {reference.Pages} of '{_stateName}' (generation {reference.Generation}) of {_owner} is missing from storage.");
            });
        var all = ImmutableDictionary.CreateBuilder<string, TValue>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            all.AddRange(page.Entries);
        }

        return all.ToImmutable();
    }

    /// <summary>Deletes the pages of a reference its owner no longer names (best effort is the caller's choice).</summary>
    public Task DeleteAsync<TValue>(SpillReference reference) =>
        BoundedConcurrency.ForEachAsync(reference.Pages, Concurrency, async page =>
        {
            var read = await ReadPageAsync<TValue>(reference.Generation, page);
            if (read.RecordExists)
            {
                await _retry.ExecuteAsync(_ => _storage.ClearStateAsync(_stateName, PageId(reference.Generation, page), read));
            }
        });

    private static List<SpillPage<TValue>> Paginate<TValue>(ImmutableDictionary<string, TValue> entries, Func<string, TValue, int> sizeOf)
    {
        var pages = new List<SpillPage<TValue>>();
        var current = ImmutableDictionary.CreateBuilder<string, TValue>(StringComparer.Ordinal);
        var bytes = 0L;
        foreach (var (key, value) in entries.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var size = sizeOf(key, value);
            if (current.Count > 0 && bytes + size > PageBudget)
            {
                pages.Add(new SpillPage<TValue> { Entries = current.ToImmutable() });
                current.Clear();
                bytes = 0;
            }

            current.Add(key, value);
            bytes += size;
        }

        if (current.Count > 0)
        {
            pages.Add(new SpillPage<TValue> { Entries = current.ToImmutable() });
        }

        return pages;
    }

    private Task WritePageAsync<TValue>(int generation, int page, SpillPage<TValue> content) =>
        _retry.ExecuteAsync(async _ =>
        {
            // A page of this generation may exist already (a write that died before its owner's record was stored):
            // its ETag lets this write replace it.
            var existing = await ReadPageAsync<TValue>(generation, page);
            var write = new GrainState<SpillPage<TValue>>(content) { ETag = existing.ETag, RecordExists = existing.RecordExists };
            await _storage.WriteStateAsync(_stateName, PageId(generation, page), write);
        });

    private async Task<GrainState<SpillPage<TValue>>> ReadPageAsync<TValue>(int generation, int page)
    {
        var read = new GrainState<SpillPage<TValue>>();
        await _retry.ExecuteAsync(_ => _storage.ReadStateAsync(_stateName, PageId(generation, page), read));
        return read;
    }

    private GrainId PageId(int generation, int page) =>
        GrainId.Create("tributary-spill", $"{_owner}/{_stateName}/{generation}/{page}");
}
