using System.Collections.Immutable;

namespace Tributary.States;

/// <summary>The state of one flow run, as persisted by its grain: safe values only (parameters are JSON by design).</summary>
[GenerateSerializer, Immutable, Alias("tributary.flow-run-state")]
public sealed record FlowRunState
{
    /// <summary>The run's id.</summary>
    [Id(0)]
    public required string FlowRunId { get; init; }

    /// <summary>The flow's name; empty while <see cref="FlowRunStatus.NotFound"/>.</summary>
    [Id(1)]
    public string FlowName { get; init; } = string.Empty;

    /// <summary>Where the run is.</summary>
    [Id(2)]
    public FlowRunStatus Status { get; init; }

    /// <summary>The parameters the run uses (defaults filled in), as JSON text.</summary>
    [Id(3)]
    public ImmutableDictionary<string, string> Parameters { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>When the run started.</summary>
    [Id(4)]
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the run ended.</summary>
    [Id(5)]
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why the run failed; <see langword="null"/> otherwise.</summary>
    [Id(6)]
    public string? Message { get; init; }

    /// <summary>
    /// The last known status of each task, by task name: every task of the flow once the run has started, none while
    /// <see cref="FlowRunStatus.NotFound"/>. A dictionary has no order: <see cref="FlowRunSnapshot.Tasks"/> lists task
    /// runs in topological order.
    /// </summary>
    [Id(7)]
    public ImmutableDictionary<string, TaskRunStatus> TaskStatuses { get; init; } = ImmutableDictionary<string, TaskRunStatus>.Empty;

    /// <summary>Whether two states are equal member by member, collections compared by their contents.</summary>
    /// <param name="other">The other state.</param>
    public bool Equals(FlowRunState? other) =>
        other is not null
        && FlowRunId == other.FlowRunId
        && FlowName == other.FlowName
        && Status == other.Status
        && StateEquality.DictionariesEqual(Parameters, other.Parameters)
        && StartedAt == other.StartedAt
        && FinishedAt == other.FinishedAt
        && Message == other.Message
        && StateEquality.DictionariesEqual(TaskStatuses, other.TaskStatuses)
        && FlowVersion == other.FlowVersion
        && Resumes == other.Resumes
        && RefreshCache == other.RefreshCache
        && CancelRequestedAt == other.CancelRequestedAt
        && CancelReason == other.CancelReason
        && Equals(TaskStatusesSpill, other.TaskStatusesSpill);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FlowRunId, FlowName, Status, StartedAt, FinishedAt);

    /// <summary>
    /// The version of the flow the run started with (<see cref="Flows.FlowDefinition.Version"/>): the run goes on with that
    /// definition to its end, whatever newer versions silos register. <see langword="null"/> while
    /// <see cref="FlowRunStatus.NotFound"/>, and for a run stored before versions were recorded (it takes the newest).
    /// </summary>
    [Id(8)]
    public string? FlowVersion { get; init; }

    /// <summary>How many times the run was resumed after it failed (0 for a run never resumed).</summary>
    [Id(9)]
    public int Resumes { get; init; }

    /// <summary>
    /// Whether the run ignores existing cache entries: its cached tasks run and add fresh ones (<c>run --refresh-cache</c>,
    /// <see cref="Grains.FlowRunOptions.RefreshCache"/>).
    /// </summary>
    [Id(10)]
    public bool RefreshCache { get; init; }

    /// <summary>
    /// When cancellation was asked for (<see cref="Grains.IFlowRunGrain.CancelAsync"/>); <see langword="null"/> when it
    /// never was, or since the run was resumed. Stored before any task is told, so that a run whose grain restarts in
    /// between still ends <see cref="FlowRunStatus.Cancelled"/>: while it is set, the run starts no task and cancels the
    /// unfinished ones.
    /// </summary>
    [Id(20)]
    public DateTimeOffset? CancelRequestedAt { get; init; }

    /// <summary>The reason given with the cancellation, if any (the caller's text: keep secrets out of it).</summary>
    [Id(21)]
    public string? CancelReason { get; init; }

    /// <summary>
    /// In a stored record only: where <see cref="TaskStatuses"/> went when they were too many for the record (a flow of
    /// thousands of tasks), which then holds none. <see langword="null"/> in every state a grain answers with, which
    /// holds the statuses whole.
    /// </summary>
    [Id(22)]
    public SpillReference? TaskStatusesSpill { get; init; }
}
