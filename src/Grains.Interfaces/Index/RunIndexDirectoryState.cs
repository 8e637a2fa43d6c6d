using System.Collections.Immutable;

namespace Tributary.Index;

/// <summary>The persisted state of a run-index directory: the flows that have runs, or one flow's hours with runs.</summary>
[GenerateSerializer, Immutable, Alias("tributary.run-index-directory-state")]
public sealed record RunIndexDirectoryState
{
    /// <summary>The names it lists, in ordinal order.</summary>
    [Id(0)]
    public ImmutableSortedSet<string> Names { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
}
