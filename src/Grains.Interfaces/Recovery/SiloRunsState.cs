using System.Collections.Immutable;

namespace Tributary.Recovery;

/// <summary>
/// The persisted state of one silo's list of running flow runs: the runs whose activation lives (or lived) on that
/// silo, so that the silos that outlive it can wake them at once when membership declares it dead.
/// </summary>
[GenerateSerializer, Immutable, Alias("tributary.silo-runs-state")]
public sealed record SiloRunsState
{
    /// <summary>The ids of the flow runs, in ordinal order.</summary>
    [Id(0)]
    public ImmutableSortedSet<string> FlowRunIds { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
}
