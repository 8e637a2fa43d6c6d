using System.Collections.Immutable;
using Orleans.Concurrency;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Grains;

/// <summary>
/// One task run, keyed by <c>"{flowRunId}/{taskName}"</c>: asks its upstream task runs for their outputs, runs the
/// task's code, keeps its state and output, checkpoints and retries.
/// </summary>
[Alias("tributary.task-run")]
public interface ITaskRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the task (returns once it is running). A task already running or final is left as it is.</summary>
    /// <param name="flowName">The flow it belongs to.</param>
    /// <param name="flowVersion">
    /// The version of the flow its run started with (the task runs that definition); <see langword="null"/> for the newest.
    /// When the silo does not register that version, the task fails, naming the version and those registered.
    /// </param>
    /// <param name="parameterInputs">The JSON values of the inputs that take a flow parameter, by input name.</param>
    /// <param name="firstStart">
    /// The flow run has never started this task, so nothing is stored for it yet and the grain skips reading its state.
    /// </param>
    [Alias("run")]
    Task RunAsync(string flowName, string? flowVersion, ImmutableDictionary<string, string> parameterInputs, bool firstStart);

    /// <summary>The task run's state (safe values only).</summary>
    [AlwaysInterleave, Alias("get-state")]
    Task<TaskRunState> GetStateAsync();

    /// <summary>Gives the output to a downstream task: from memory, or read back through its handler after a restart.</summary>
    /// <param name="cancellationToken">
    /// Stops this caller's wait for a read through the handler; the read itself goes on for the other callers that share it.
    /// </param>
    /// <exception cref="TaskOutputUnavailableException">The task has not succeeded, or its output was neither kept nor stored.</exception>
    [AlwaysInterleave, Alias("get-output")]
    Task<TaskOutput> GetOutputAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the output to a downstream task as <see cref="GetOutputAsync"/> does, or only its checkpoint
    /// (<see cref="TaskOutput.ByReference"/>) when it has one and the value is not in memory or takes more than
    /// <paramref name="maxPayloadBytes"/> serialized: the caller then reads it through its handler itself, and the value
    /// crosses no grain message.
    /// </summary>
    /// <param name="maxPayloadBytes">
    /// The largest value held in memory that is given in the message; a negative number gives every value held in memory
    /// in it (a checkpoint not in memory is still given by reference).
    /// </param>
    /// <param name="cancellationToken">As for <see cref="GetOutputAsync"/>.</param>
    /// <exception cref="TaskOutputUnavailableException">As for <see cref="GetOutputAsync"/>.</exception>
    [AlwaysInterleave, Alias("get-output-or-reference")]
    Task<TaskOutput> GetOutputOrReferenceAsync(int maxPayloadBytes, CancellationToken cancellationToken = default);

    /// <summary>
    /// The number of elements of the task's output, a list (for a map: of its children's outputs), for a map that maps
    /// over it: only the count leaves the grain.
    /// </summary>
    /// <param name="cancellationToken">As for <see cref="GetOutputAsync"/>.</param>
    /// <exception cref="TaskOutputUnavailableException">As for <see cref="GetOutputAsync"/>.</exception>
    [AlwaysInterleave, Alias("get-output-count")]
    Task<int> GetOutputCountAsync(CancellationToken cancellationToken = default);

    /// <summary>One element of the task's output, a list, for the child of a map that maps over it.</summary>
    /// <param name="index">The element's index, from 0.</param>
    /// <param name="cancellationToken">As for <see cref="GetOutputAsync"/>.</param>
    /// <exception cref="TaskOutputUnavailableException">As for <see cref="GetOutputAsync"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The list has no such element.</exception>
    [AlwaysInterleave, Alias("get-output-element")]
    Task<TaskOutput> GetOutputElementAsync(int index, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends a map (a task whose children ran its code, see <see cref="TaskRunState.MapCount"/>) once its flow run saw
    /// every child final: Success, or Failed naming the children that did not succeed. A task that is no map is left as
    /// it is.
    /// </summary>
    /// <param name="status">The map's final status.</param>
    /// <param name="message">Why it failed, if it did.</param>
    [Alias("complete-map")]
    Task CompleteMapAsync(TaskRunStatus status, string? message);

    /// <summary>Stores the output through its handler now (if not already) and gives the safe value, so a client can read it.</summary>
    /// <param name="cancellationToken">Cancels the wait for the output and its write through the handler.</param>
    /// <exception cref="TaskOutputUnavailableException">The task has not succeeded, or its output is gone.</exception>
    [Alias("store-output")]
    Task<SafeResult> StoreOutputAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks the task as not run because an upstream failed.</summary>
    /// <param name="flowName">The flow it belongs to.</param>
    /// <param name="reason">Which upstream failed.</param>
    [Alias("mark-upstream-failed")]
    Task MarkUpstreamFailedAsync(string flowName, string reason);

    /// <summary>
    /// Ends a pending task without running it, because its trigger decided so once its upstream tasks were final. A task
    /// that is not pending is left as it is.
    /// </summary>
    /// <param name="flowName">The flow it belongs to.</param>
    /// <param name="status">
    /// <see cref="TaskRunStatus.UpstreamFailed"/>, <see cref="TaskRunStatus.Skipped"/> or <see cref="TaskRunStatus.TriggerFailed"/>.
    /// </param>
    /// <param name="reason">Why, naming the upstream tasks concerned.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is none of those.</exception>
    [Alias("mark-not-run")]
    Task MarkNotRunAsync(string flowName, TaskRunStatus status, string reason);

    /// <summary>
    /// Sets the task back to pending so that it runs again, because a downstream task could not get its output. A task
    /// that is pending, running or retrying, or that holds its output after all, is left as it is.
    /// </summary>
    /// <returns>The task's status afterwards.</returns>
    [Alias("reset")]
    Task<TaskRunStatus> ResetAsync();

    /// <summary>
    /// Tells a task that holds its output in memory that no downstream task of its run needs it any more: an output held
    /// in memory only lets its activation be collected when idle; a copy of a stored output is dropped (it is read back
    /// from its store if asked for again). Sent by the flow run; harmless at any other time.
    /// </summary>
    [OneWay, Alias("release-output")]
    Task ReleaseOutputAsync();

    /// <summary>
    /// Sets a failed, upstream-failed or trigger-failed task back to pending because its run is being resumed (a skipped
    /// task stays skipped: a skip is a decision, not a fault); the run then starts it
    /// like any pending task. Its attempt number goes on from where it was, and the attempts it made so far no longer
    /// count against its retries. A task in any other status is left as it is.
    /// </summary>
    /// <returns>The task's status afterwards.</returns>
    [Alias("resume")]
    Task<TaskRunStatus> ResumeAsync();

    /// <summary>
    /// Fails the task, unless it is final already, because its run cannot go on (the version of the flow it started with
    /// is no longer registered). Returns at once; an attempt still running here ends first.
    /// </summary>
    /// <param name="flowName">The flow it belongs to.</param>
    /// <param name="flowVersion">The version of the flow its run started with.</param>
    /// <param name="reason">Why, for the task's message.</param>
    [Alias("abandon")]
    Task AbandonAsync(string flowName, string? flowVersion, string reason);

    /// <summary>
    /// Cancels the task because its run is being cancelled: a pending or retrying task ends
    /// <see cref="TaskRunStatus.Cancelled"/> at once (a retry's cached inputs are deleted and its reminder dropped); a
    /// running attempt's <see cref="CancellationToken"/> is signalled and the call returns at once: the attempt ends
    /// Cancelled (a result it still gives is discarded; code that ignores its token is abandoned, as at a timeout) and
    /// reports so to its run. No attempt starts here afterwards. A final task is left as it is. Safe to call again.
    /// </summary>
    /// <param name="flowName">The flow it belongs to.</param>
    /// <param name="flowVersion">The version of the flow its run started with.</param>
    /// <param name="reason">Why, for the task's message.</param>
    /// <returns>The task's status afterwards: Cancelled, another final status, or Running while an attempt winds down.</returns>
    [Alias("cancel")]
    Task<TaskRunStatus> CancelAsync(string flowName, string? flowVersion, string reason);

    /// <summary>
    /// Deletes the task run's stored state (with any page records its cached inputs spilled to) and forgets its output,
    /// because its flow run is being deleted; its outputs stored through handlers are not touched. A task never stored is
    /// left as it is.
    /// </summary>
    /// <exception cref="InvalidOperationException">An attempt is running here (nothing was deleted).</exception>
    [Alias("delete-state")]
    Task DeleteStateAsync();
}
