using System.Collections.Immutable;

namespace Tributary.Caching;

/// <summary>What a cache key's entries become on each change: the rules, apart from the grain that stores them.</summary>
internal static class CacheEntries
{
    /// <summary>The entries that have not expired at <paramref name="now"/>, in their order (oldest first).</summary>
    public static ImmutableArray<CacheEntry> Unexpired(ImmutableArray<CacheEntry> entries, DateTimeOffset now) =>
        entries.IsDefaultOrEmpty || !entries.Any(entry => entry.IsExpiredAt(now))
            ? entries.IsDefault ? [] : entries
            : [.. entries.Where(entry => !entry.IsExpiredAt(now))];

    /// <summary>
    /// Adds <paramref name="entry"/> as the newest: expired entries go, entries of another version are retired (a new
    /// version replaces the old), and only the newest <paramref name="maxEntries"/> are kept.
    /// </summary>
    public static ImmutableArray<CacheEntry> Add(ImmutableArray<CacheEntry> entries, CacheEntry entry, int maxEntries, DateTimeOffset now)
    {
        var kept = Unexpired(entries, now)
            .Where(existing => existing.Version == entry.Version && existing.Id != entry.Id)
            .Append(entry)
            .ToArray();
        return [.. kept.Skip(Math.Max(0, kept.Length - maxEntries))];
    }

    /// <summary>The entries of <paramref name="version"/>, newest first.</summary>
    public static IReadOnlyList<CacheEntry> NewestFirst(ImmutableArray<CacheEntry> entries, string? version) =>
        [.. entries.Reverse().Where(entry => entry.Version == version)];

    /// <summary>A new entry id: short, unique under a key, sortable by creation.</summary>
    public static string NewId(DateTimeOffset now) =>
        $"{now.ToUnixTimeMilliseconds():x}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
