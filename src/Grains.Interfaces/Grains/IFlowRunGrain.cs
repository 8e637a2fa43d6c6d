using System.Collections.Immutable;
using Orleans.Concurrency;
using Tributary.States;

namespace Tributary.Grains;

/// <summary>One flow run, keyed by its run id: validates the flow and its parameters, starts tasks whose upstreams are done, and ends the run.</summary>
[Alias("tributary.flow-run")]
public interface IFlowRunGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the run on the newest version of the flow the silo registers, and records that version: the run keeps it
    /// to its end. A run id is a promise: calling this again with the same flow and parameters gives the existing run's
    /// state without starting anything (an idempotent start), whatever its status; another flow or other parameters are
    /// refused.
    /// </summary>
    /// <param name="flowName">The flow, as registered on the silo.</param>
    /// <param name="parameters">
    /// Parameter values as JSON text, by name. Compared with an existing run's after defaults are bound, as JSON values.
    /// </param>
    /// <exception cref="UnknownFlowException">No flow of that name is registered.</exception>
    /// <exception cref="Flows.FlowValidationException">A parameter is missing, unknown or of the wrong type; nothing ran.</exception>
    /// <exception cref="FlowRunConflictException">
    /// The id already names a run of another flow or with other parameters; the message names both.
    /// </exception>
    [Alias("start")]
    Task<FlowRunState> StartAsync(string flowName, ImmutableDictionary<string, string> parameters);

    /// <summary>As <see cref="StartAsync(string, ImmutableDictionary{string, string})"/>, with options for this run (e.g. refreshing the cache).</summary>
    /// <param name="flowName">The flow, as registered on the silo.</param>
    /// <param name="parameters">Parameter values as JSON text, by name.</param>
    /// <param name="options">The run's options; an existing run keeps its own.</param>
    [Alias("start-with-options")]
    Task<FlowRunState> StartAsync(string flowName, ImmutableDictionary<string, string> parameters, FlowRunOptions options);

    /// <summary>The run's state (<see cref="FlowRunStatus.NotFound"/> for an id never started).</summary>
    [AlwaysInterleave, Alias("get-state")]
    Task<FlowRunState> GetStateAsync();

    /// <summary>The run and all its task runs.</summary>
    [AlwaysInterleave, Alias("get-snapshot")]
    Task<FlowRunSnapshot> GetSnapshotAsync();

    /// <summary>
    /// One page of the run's task table: the rows <see cref="GetSnapshotAsync"/> lists, in the same order, from
    /// <paramref name="offset"/> on. It asks at most <paramref name="limit"/> task runs (final ones the run keeps are
    /// not asked), so its cost does not grow with the number of tasks. An unknown run gives an empty page of total 0.
    /// </summary>
    /// <param name="offset">The first row, from 0; past the end gives an empty page.</param>
    /// <param name="limit">At most this many rows, from 1 to <see cref="TaskPageLimits.MaxLimit"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or <paramref name="limit"/> is out of range.</exception>
    [AlwaysInterleave, Alias("get-task-page")]
    Task<TaskRunPage> GetTaskPageAsync(int offset, int limit);

    /// <summary>Waits until the run is final or <paramref name="maxWait"/> has passed, then gives its state.</summary>
    /// <param name="maxWait">How long to hold the call; keep it below the cluster's response timeout.</param>
    /// <param name="cancellationToken">
    /// Ends the wait early when the caller gives up (Orleans carries the cancellation to the grain); the call then fails
    /// with <see cref="OperationCanceledException"/>.
    /// </param>
    [AlwaysInterleave, Alias("wait")]
    Task<FlowRunState> WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken = default);

    /// <summary>
    /// A long poll for progress: answers at once when the run's version differs from <paramref name="sinceVersion"/> (or
    /// the run is final), otherwise as soon as it changes, or after <paramref name="maxWait"/>. Its cost does not grow with
    /// the number of tasks, so a viewer can follow a large run without re-reading every task.
    /// </summary>
    /// <param name="sinceVersion">The version the caller holds; <see langword="null"/> for none (answers at once).</param>
    /// <param name="maxWait">How long to hold the call; keep it below the cluster's response timeout.</param>
    /// <param name="cancellationToken">Ends the wait early when the caller gives up.</param>
    [AlwaysInterleave, Alias("wait-for-change")]
    Task<FlowRunProgress> WaitForChangeAsync(string? sinceVersion, TimeSpan maxWait, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes a failed run under its id: its failed tasks, and the tasks that did not run because of them, run again,
    /// each with its full retries; attempt numbers go on from where they were. Successful tasks do not run again: a
    /// checkpointed output is read back through its handler, and an output that was not checkpointed and is gone is
    /// recomputed as for any lost output (the task runs again). <see cref="FlowRunState.Resumes"/> counts the resumes.
    /// </summary>
    /// <returns>The run's state, <see cref="FlowRunStatus.Running"/> again.</returns>
    /// <exception cref="FlowRunNotResumableException">
    /// The run is unknown, still running or succeeded, or the version of the flow it started with is no longer registered.
    /// </exception>
    [Alias("resume")]
    Task<FlowRunState> ResumeAsync();

    /// <summary>
    /// Cancels the run: the request is stored first (<see cref="FlowRunState.CancelRequestedAt"/>), so that a restart
    /// still finishes it; from then on no task starts, pending and retrying tasks end
    /// <see cref="TaskRunStatus.Cancelled"/>, and each running attempt's <see cref="CancellationToken"/> is signalled
    /// (it ends Cancelled, its result discarded if it still comes). Tasks already final keep their status. The run
    /// becomes <see cref="FlowRunStatus.Cancelled"/> once every task is final, which may be after this call returns
    /// (an attempt winding down): <see cref="WaitAsync"/> waits for it. A run already final is left as it is, and an
    /// unknown id gives <see cref="FlowRunStatus.NotFound"/>; calling it again is harmless.
    /// </summary>
    /// <param name="reason">Why, recorded in the cancelled tasks' messages; <see langword="null"/> for none.</param>
    /// <returns>The run's state: Cancelled, still Running while attempts wind down, or the final status it had before.</returns>
    [Alias("cancel")]
    Task<FlowRunState> CancelAsync(string? reason = null);

    /// <summary>Told by a task-run grain when one of its attempts ends.</summary>
    /// <param name="report">What happened.</param>
    [Alias("on-task-finished")]
    Task OnTaskFinishedAsync(TaskRunReport report);

    /// <summary>
    /// Told by a task-run grain whose final state changed without a new attempt (an output it held in memory was
    /// stored, so it has a safe value now), so that the run's snapshots show it.
    /// </summary>
    /// <param name="state">The task's state now.</param>
    [Alias("on-task-state-changed")]
    Task OnTaskStateChangedAsync(TaskRunState state);

    /// <summary>
    /// Deletes the run itself once its results are gone (see the SDK's <c>DeleteResultsAsync</c>): every task run's
    /// stored state (a map's children included, with any page records they spilled to), the run's entry in the run
    /// index, then the run's own state. Task outputs stored through handlers are not touched: delete them first, or they
    /// are left with no state naming them. Deleting an unknown run does nothing; calling it again is harmless.
    /// </summary>
    /// <returns>Whether a run was there to delete.</returns>
    /// <exception cref="InvalidOperationException">The run is still running (nothing was deleted).</exception>
    [Alias("delete")]
    Task<bool> DeleteAsync();
}
