using System.Collections.Immutable;

namespace Tributary.Index;

/// <summary>The persisted state of one partition of the run index: the runs of one flow started in one UTC hour.</summary>
[GenerateSerializer, Immutable, Alias("tributary.flow-run-index-state")]
public sealed record FlowRunIndexState
{
    /// <summary>The runs, by run id.</summary>
    [Id(0)]
    public ImmutableDictionary<string, FlowRunSummary> Runs { get; init; } = ImmutableDictionary<string, FlowRunSummary>.Empty;
}
