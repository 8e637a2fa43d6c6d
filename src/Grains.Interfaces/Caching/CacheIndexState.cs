using System.Collections.Immutable;

namespace Tributary.Caching;

/// <summary>The persisted state of the cache index: the names of the cache keys that hold entries, and nothing else.</summary>
[GenerateSerializer, Immutable, Alias("tributary.cache-index-state")]
public sealed record CacheIndexState
{
    /// <summary>The keys, sorted.</summary>
    [Id(0)]
    public ImmutableSortedSet<string> Keys { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Whether two states hold the same keys.</summary>
    /// <param name="other">The other state.</param>
    public bool Equals(CacheIndexState? other) => other is not null && Keys.SetEquals(other.Keys);

    /// <inheritdoc />
    public override int GetHashCode() => Keys.Count;
}
