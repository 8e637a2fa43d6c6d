using Tributary.States;

namespace Tributary.Index;

/// <summary>Which runs to list: all runs when both members are <see langword="null"/>.</summary>
[GenerateSerializer, Immutable, Alias("tributary.flow-run-filter")]
public sealed record FlowRunFilter
{
    /// <summary>Only runs of this flow; every flow when <see langword="null"/>.</summary>
    [Id(0)]
    public string? FlowName { get; init; }

    /// <summary>Only runs in this status; any when <see langword="null"/>.</summary>
    [Id(1)]
    public FlowRunStatus? Status { get; init; }
}
