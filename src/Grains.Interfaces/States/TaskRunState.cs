using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Tributary.Handlers;
using Tributary.Results;

namespace Tributary.States;

/// <summary>
/// The state of one task run, as persisted by its grain and as the client API returns it. It holds safe values only:
/// the output and the cached inputs are <see cref="SafeResult"/>s, never raw data.
/// </summary>
[GenerateSerializer, Immutable, Alias("tributary.task-run-state")]
public sealed record TaskRunState
{
    /// <summary>The flow run this task run belongs to.</summary>
    [Id(0)]
    public required string FlowRunId { get; init; }

    /// <summary>The flow's name.</summary>
    [Id(1)]
    public required string FlowName { get; init; }

    /// <summary>The task's name.</summary>
    [Id(2)]
    public required string TaskName { get; init; }

    /// <summary>Where the run is.</summary>
    [Id(3)]
    public TaskRunStatus Status { get; init; }

    /// <summary>The current or last attempt, from 1; 0 before the first.</summary>
    [Id(4)]
    public int Attempt { get; init; }

    /// <summary>When the first attempt started.</summary>
    [Id(5)]
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the run became final.</summary>
    [Id(6)]
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why it failed, retries or did not run; <see langword="null"/> otherwise.</summary>
    [Id(7)]
    public string? Message { get; init; }

    /// <summary>The stored output (its checkpoint); <see langword="null"/> while not stored.</summary>
    [Id(8)]
    public SafeResult? Output { get; init; }

    /// <summary>
    /// While <see cref="TaskRunStatus.Retrying"/>: each input, stored through the handler of the node that produced it.
    /// </summary>
    [Id(9)]
    public ImmutableDictionary<string, SafeResult> CachedInputs { get; init; } = ImmutableDictionary<string, SafeResult>.Empty;

    /// <summary>When the next attempt is due, while retrying.</summary>
    [Id(10)]
    public DateTimeOffset? NextRetryAt { get; init; }

    /// <summary>The handler the hierarchy chose for the output; <see langword="null"/> before the first attempt.</summary>
    [Id(11)]
    public ResultHandlerDescriptor? ResultHandler { get; init; }

    /// <summary>How many attempts were lost with the silo running them (they do not count against the task's retries).</summary>
    [Id(12)]
    public int LostAttempts { get; init; }

    /// <summary>
    /// The cached inputs this task stored itself (not reused checkpoints of its upstream tasks): deleted through their
    /// handlers once the task succeeds.
    /// </summary>
    [Id(13)]
    public ImmutableArray<string> OwnedCachedInputs { get; init; } = [];

    /// <summary>
    /// How many attempts were interrupted by a graceful deactivation (a silo stopping for an upgrade) and handed over to
    /// another activation. Like <see cref="LostAttempts"/> they keep their numbers but use none of the task's retries;
    /// unlike them they do not count against <c>Tributary:MaxLostAttempts</c>: a shutdown is not a crash.
    /// </summary>
    [Id(20)]
    public int InterruptedAttempts { get; init; }

    /// <summary>
    /// While <see cref="TaskRunStatus.Retrying"/>: inputs that could not be cached for the retry (their handler's write
    /// failed). A retry in the same activation still has them in memory; a retry in a new activation fails the task,
    /// naming them, instead of running without them.
    /// </summary>
    [Id(21)]
    public ImmutableArray<string> UncachedInputs { get; init; } = [];

    /// <summary>
    /// While <see cref="TaskRunStatus.Running"/>: the key the attempt's checkpoint is written under (derived from the
    /// attempt, recorded with the running state), so that after a crash between the checkpoint's write and the state's
    /// the next activation finds the checkpoint (through its handler's <c>LocationOf</c>) and adopts it instead of
    /// running the task again; if the running state itself was not stored, the attempt runs again and overwrites the
    /// same name, so nothing is orphaned either way. <see langword="null"/> otherwise.
    /// </summary>
    [Id(22)]
    public ResultKey? PendingOutput { get; init; }

    /// <summary>
    /// For a map (see <c>FlowBuilder.Map</c>): how many elements its list had, so how many children
    /// (<c>name[0]</c>…) run its code; set once the map counted them, <see langword="null"/> for any other task. The
    /// count is all a map stores of its list.
    /// </summary>
    [Id(23)]
    public int? MapCount { get; init; }

    /// <summary>
    /// In a stored record only: where <see cref="CachedInputs"/> went when they were too many for the record (a wide
    /// fan-in's retry), which then holds none. <see langword="null"/> in every state a grain answers with, which holds
    /// its cached inputs whole.
    /// </summary>
    [Id(24)]
    public SpillReference? CachedInputsSpill { get; init; }

    /// <summary>
    /// The version of the flow the task runs (its run's) and what its run's resumes carried over; <see langword="null"/>
    /// until the run first starts the task.
    /// </summary>
    [Id(14)]
    public TaskRunOrigin? Origin { get; init; }

    /// <summary>The version of the flow the task runs (<see cref="Flows.FlowDefinition.Version"/>), from <see cref="Origin"/>.</summary>
    [JsonIgnore]
    public string? FlowVersion => Origin?.FlowVersion;

    /// <summary>The task's output as the state knows it: the stored <see cref="Output"/>, or <see cref="NoResult"/> when nothing is stored.</summary>
    /// <remarks>Not written as JSON: <see cref="Output"/> holds the same, and <see cref="NoResult"/> refers to itself.</remarks>
    [JsonIgnore]
    public ResultBase Result => (ResultBase?)Output ?? NoResult.Instance;

    /// <summary>Whether two states are equal member by member, collections compared by their contents.</summary>
    /// <param name="other">The other state.</param>
    public bool Equals(TaskRunState? other) =>
        other is not null
        && FlowRunId == other.FlowRunId
        && FlowName == other.FlowName
        && TaskName == other.TaskName
        && Status == other.Status
        && Attempt == other.Attempt
        && StartedAt == other.StartedAt
        && FinishedAt == other.FinishedAt
        && Message == other.Message
        && Equals(Output, other.Output)
        && StateEquality.DictionariesEqual(CachedInputs, other.CachedInputs)
        && NextRetryAt == other.NextRetryAt
        && Equals(ResultHandler, other.ResultHandler)
        && LostAttempts == other.LostAttempts
        && StateEquality.ArraysEqual(OwnedCachedInputs, other.OwnedCachedInputs)
        && InterruptedAttempts == other.InterruptedAttempts
        && StateEquality.ArraysEqual(UncachedInputs, other.UncachedInputs)
        && Equals(PendingOutput, other.PendingOutput)
        && Equals(Origin, other.Origin)
        && MapCount == other.MapCount
        && Equals(CachedInputsSpill, other.CachedInputsSpill);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FlowRunId, TaskName, Status, Attempt, Output);

    /// <summary>How long the run took, from its first start to its end (or until now while unfinished).</summary>
    public TimeSpan? Duration => StartedAt is { } start ? (FinishedAt ?? DateTimeOffset.UtcNow) - start : null;
}
