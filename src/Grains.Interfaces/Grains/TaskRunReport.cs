using System.Collections.Immutable;
using Tributary.States;

namespace Tributary.Grains;

/// <summary>What a task-run grain tells its flow-run grain when an attempt ends.</summary>
[GenerateSerializer, Immutable, Alias("tributary.task-run-report")]
public sealed record TaskRunReport
{
    /// <summary>The task.</summary>
    [Id(0)]
    public required string TaskName { get; init; }

    /// <summary>Its status after the attempt (Success, Skipped, Failed, Retrying, or Pending when inputs were lost).</summary>
    [Id(1)]
    public required TaskRunStatus Status { get; init; }

    /// <summary>Upstream tasks whose outputs were neither kept nor stored and must run again before this task can.</summary>
    [Id(2)]
    public ImmutableArray<string> LostUpstreams { get; init; } = [];

    /// <summary>Why it failed, if it did.</summary>
    [Id(3)]
    public string? Message { get; init; }

    /// <summary>
    /// With <see cref="TaskRunStatus.Success"/>: the task holds its output in memory only (no checkpoint) and stays
    /// active until the flow run releases it (see <see cref="ITaskRunGrain.ReleaseOutputAsync"/>).
    /// </summary>
    [Id(4)]
    public bool HoldsOutput { get; init; }

    /// <summary>With <see cref="TaskRunStatus.Failed"/>: the task failed because its state could not be stored, not because of its code.</summary>
    [Id(5)]
    public bool StorageFault { get; init; }

    /// <summary>
    /// With <see cref="TaskRunStatus.Running"/>: a map counted its list; its flow run starts this many children
    /// (see <see cref="TaskRunState.MapCount"/>).
    /// </summary>
    [Id(6)]
    public int? MapCount { get; init; }

    /// <summary>
    /// With a final status: the task's state as it reports (safe values only), which the flow run keeps to answer
    /// snapshots without asking the task again.
    /// </summary>
    [Id(7)]
    public TaskRunState? State { get; init; }

    /// <summary>
    /// With a success: the output is stored (a checkpoint, a cache entry) and the task also keeps a copy in memory, to
    /// hand it to its downstream tasks without a read. The flow run releases it like a held output (see
    /// <see cref="ITaskRunGrain.ReleaseOutputAsync"/>), and the task drops the copy, reading the stored output back
    /// if it is asked for it again.
    /// </summary>
    [Id(8)]
    public bool KeepsStoredOutput { get; init; }
}
