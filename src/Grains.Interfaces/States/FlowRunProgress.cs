using System.Collections.Immutable;

namespace Tributary.States;

/// <summary>
/// A run's progress at one moment, the same size whatever the number of its tasks: its status, how many tasks are in
/// each status, and a version that changes whenever any of them does (see <c>IFlowRunGrain.WaitForChangeAsync</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("tributary.flow-run-progress")]
public sealed record FlowRunProgress
{
    /// <summary>Opaque; a new value whenever the run's or a task's status changed (or the run's grain was reactivated).</summary>
    [Id(0)]
    public required string Version { get; init; }

    /// <summary>The run's status.</summary>
    [Id(1)]
    public required FlowRunStatus Status { get; init; }

    /// <summary>How many task runs (a map's children included) are in each status; statuses with none are left out.</summary>
    [Id(2)]
    public ImmutableSortedDictionary<TaskRunStatus, int> Counts { get; init; } = ImmutableSortedDictionary<TaskRunStatus, int>.Empty;

    /// <summary>Why the run failed, if it did.</summary>
    [Id(3)]
    public string? Message { get; init; }
}
