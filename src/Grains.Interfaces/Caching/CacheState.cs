using System.Collections.Immutable;
using Tributary.States;

namespace Tributary.Caching;

/// <summary>The persisted state of one cache key's grain: its entries, oldest first. Safe values and digests only.</summary>
[GenerateSerializer, Immutable, Alias("tributary.cache-state")]
public sealed record CacheState
{
    /// <summary>The entries, oldest first; at most <c>Tributary:Cache:MaxEntriesPerKey</c>, none expired when last written.</summary>
    [Id(0)]
    public ImmutableArray<CacheEntry> Entries { get; init; } = [];

    /// <summary>Whether the key is listed in the cache index (so listing the cache finds it).</summary>
    [Id(1)]
    public bool Indexed { get; init; }

    /// <summary>Whether two states are equal, entries compared by their contents.</summary>
    /// <param name="other">The other state.</param>
    public bool Equals(CacheState? other) =>
        other is not null && Indexed == other.Indexed && StateEquality.ArraysEqual(Entries, other.Entries);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Entries.IsDefault ? 0 : Entries.Length, Indexed);
}
