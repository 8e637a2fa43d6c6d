using System.Collections.Immutable;

namespace Tributary.Caching;

/// <summary>Which inputs or parameters a <see cref="ICacheValidator"/> compares: none, all, or some by name.</summary>
public sealed record CacheSelection
{
    private CacheSelection(bool all, ImmutableArray<string> names)
    {
        IsAll = all;
        Names = names;
    }

    /// <summary>Nothing is compared (nothing is recorded).</summary>
    public static CacheSelection None { get; } = new(false, []);

    /// <summary>Every one is compared, and the set of names must match exactly.</summary>
    public static CacheSelection All { get; } = new(true, []);

    /// <summary>Only the named ones are compared.</summary>
    /// <param name="names">The names; at least one, none empty.</param>
    /// <exception cref="ArgumentException">No name, or an empty one.</exception>
    public static CacheSelection Only(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length == 0 || names.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one input or parameter, none empty.", nameof(names));
        }

        return new(false, [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Whether every one is selected.</summary>
    public bool IsAll { get; }

    /// <summary>The names selected when not <see cref="IsAll"/>; empty for <see cref="None"/>.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Whether nothing is selected.</summary>
    public bool IsNone => !IsAll && Names.IsEmpty;

    /// <summary>Whether <paramref name="name"/> is selected.</summary>
    /// <param name="name">An input or parameter name.</param>
    public bool Selects(string name) => IsAll || Names.Contains(name);

    /// <inheritdoc />
    public bool Equals(CacheSelection? other) => other is not null && IsAll == other.IsAll && Names.SequenceEqual(other.Names);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IsAll, Names.Length);

    /// <inheritdoc />
    public override string ToString() => IsAll ? "all" : IsNone ? "none" : string.Join(", ", Names);
}
