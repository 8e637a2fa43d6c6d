using System.Collections.Immutable;

namespace Tributary.Storage;

/// <summary>One record of a spilled collection: some of its entries, by key.</summary>
/// <typeparam name="TValue">The entries' values.</typeparam>
[GenerateSerializer, Immutable, Alias("tributary.spill-page`1")]
internal sealed record SpillPage<TValue>
{
    /// <summary>The entries this record holds.</summary>
    [Id(0)]
    public ImmutableDictionary<string, TValue> Entries { get; init; } = ImmutableDictionary<string, TValue>.Empty;

    /// <inheritdoc />
    public bool Equals(SpillPage<TValue>? other) =>
        other is not null && Tributary.States.StateEquality.DictionariesEqual(Entries, other.Entries);

    /// <inheritdoc />
    public override int GetHashCode() => Entries.Count;
}
