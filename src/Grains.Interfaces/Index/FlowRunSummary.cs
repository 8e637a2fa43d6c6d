using Tributary.States;

namespace Tributary.Index;

/// <summary>
/// One run as the run index keeps it: its id, flow, status and times, nothing else (no parameters, no task data), so
/// that listing stays small and shows nothing a run's own state does not.
/// </summary>
[GenerateSerializer, Immutable, Alias("tributary.flow-run-summary")]
public sealed record FlowRunSummary
{
    /// <summary>The run's id.</summary>
    [Id(0)]
    public required string FlowRunId { get; init; }

    /// <summary>The run's flow.</summary>
    [Id(1)]
    public required string FlowName { get; init; }

    /// <summary>The run's status when it last told the index: at its start, at its end and when it is resumed.</summary>
    [Id(2)]
    public FlowRunStatus Status { get; init; }

    /// <summary>When the run started (its place in the index: newest first).</summary>
    [Id(3)]
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended; <see langword="null"/> while it runs.</summary>
    [Id(4)]
    public DateTimeOffset? FinishedAt { get; init; }
}
