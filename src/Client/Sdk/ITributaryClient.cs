using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Index;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Client;

/// <summary>
/// What a program does with Tributary runs: start them, watch them (safe values only) and read task outputs through
/// their handlers, on this machine. <see cref="TributaryClient"/> implements it over an Orleans cluster client; register
/// it with <c>services.AddTributaryClient(configuration)</c> and inject this interface, so that tests can give a fake.
/// <see cref="TributaryClientExtensions.GetFlowRunHandle"/> gives a handle on one run with the same operations.
/// </summary>
/// <remarks>
/// <see cref="TributaryClient"/> tries a call that can be made twice (reads, waits, starts, cancels) again when a gateway
/// or silo goes away under it, through another gateway, for <see cref="Options.TributaryClientOptions.RetryFor"/>; then it
/// fails with a <see cref="ClusterUnreachableException"/> naming the call and the cluster, or a <see cref="TimeoutException"/>
/// when the last try was not answered in time. <see cref="ResumeFlowRunAsync"/> is made once.
/// </remarks>
public interface ITributaryClient
{
    /// <summary>
    /// Starts a flow run with parameters given as .NET values (serialized to JSON), on the newest version of the flow the
    /// cluster registers; the run keeps that version to its end.
    /// </summary>
    /// <param name="flowName">The flow, as registered on the silo.</param>
    /// <param name="parameters">Parameter values by name; <see langword="null"/> for none.</param>
    /// <param name="flowRunId">
    /// The run's id; a new one when <see langword="null"/>. A run id is a promise: starting an existing id again with the
    /// same flow and parameters gives that run and starts nothing (parameters are compared after defaults are bound, as
    /// JSON values); another flow or other parameters are refused with <see cref="FlowRunConflictException"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's id.</returns>
    /// <exception cref="UnknownFlowException">No flow of that name is registered.</exception>
    /// <exception cref="FlowValidationException">A parameter is missing, unknown or of the wrong type.</exception>
    /// <exception cref="FlowRunConflictException">The id names a run of another flow or with other parameters; the message names both.</exception>
    Task<string> StartFlowRunAsync(
        string flowName,
        IReadOnlyDictionary<string, object?>? parameters = null,
        string? flowRunId = null,
        CancellationToken cancellationToken = default);

    /// <summary>Starts a flow run with parameters given as JSON text (for a string parameter, a bare word is the string).</summary>
    /// <param name="flowName">The flow.</param>
    /// <param name="parameters">Parameter values as JSON text, by name.</param>
    /// <param name="flowRunId">The run's id; a new one when <see langword="null"/>. As for <see cref="StartFlowRunAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's id.</returns>
    /// <exception cref="UnknownFlowException">No flow of that name is registered.</exception>
    /// <exception cref="FlowValidationException">A parameter is missing, unknown or of the wrong type.</exception>
    /// <exception cref="FlowRunConflictException">The id names a run of another flow or with other parameters; the message names both.</exception>
    Task<string> StartFlowRunWithJsonAsync(
        string flowName,
        IReadOnlyDictionary<string, string> parameters,
        string? flowRunId = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes a failed run under its id, on the version of the flow it started with: its failed tasks, and those that did
    /// not run because of them, run again with their full retries; tasks that succeeded do not.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's state, running again.</returns>
    /// <exception cref="FlowRunNotResumableException">No run has that id, it is still running, it succeeded, or its flow version is gone; the message says which.</exception>
    Task<FlowRunState> ResumeFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a run: no task starts any more, pending and retrying tasks end <see cref="TaskRunStatus.Cancelled"/>, and
    /// each running attempt's <see cref="CancellationToken"/> is signalled (its result, if it still comes, is discarded);
    /// tasks already final keep their status. The request is stored before anything else, so it survives a restart. The
    /// run ends <see cref="FlowRunStatus.Cancelled"/> once every task is final, which may be after this returns: wait for
    /// it with <see cref="WaitForFlowRunAsync"/>. A run already final is left as it is (its state says how it ended).
    /// A cancelled run can be resumed like a failed one.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="reason">Why, recorded in the run's and the cancelled tasks' messages; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call (not the run).</param>
    /// <returns>The run's state: Cancelled, Running while attempts wind down, or the final status it already had.</returns>
    /// <exception cref="FlowRunNotFoundException">No run has that id (an <see cref="ArgumentException"/>).</exception>
    Task<FlowRunState> CancelFlowRunAsync(string flowRunId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists runs, newest start first, from the run index: id, flow, status and times only. Each run tells the index at
    /// its start, its end and a resume, so a listed status can lag the run's own by that one call.
    /// </summary>
    /// <param name="filter">Which runs (a flow, a status); every run when <see langword="null"/>.</param>
    /// <param name="pageSize">At most this many runs, from 1 to 1000. Default 50.</param>
    /// <param name="pageToken">The previous page's <see cref="FlowRunPage.NextPageToken"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and, unless it is the last, the next page's token. Pages neither repeat nor skip a run.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="pageToken"/> is not a token the index gave.</exception>
    Task<FlowRunPage> ListFlowRunsAsync(
        FlowRunFilter? filter = null,
        int pageSize = 50,
        string? pageToken = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gives the run and all its task runs (safe values only); <see cref="FlowRunStatus.NotFound"/> for an unknown id.</summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<FlowRunSnapshot> GetFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the run is final, reporting snapshots as it goes; calls that fail while a silo goes away are asked again.</summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="timeout">How long to wait in all.</param>
    /// <param name="progress">Given a snapshot now and then while the run goes on; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait (and the grain call in flight).</param>
    /// <returns>The final snapshot.</returns>
    /// <exception cref="TimeoutException">The run is not final after <paramref name="timeout"/>.</exception>
    /// <exception cref="FlowRunNotFoundException">No run has that id (an <see cref="ArgumentException"/>).</exception>
    Task<FlowRunSnapshot> WaitForFlowRunAsync(
        string flowRunId,
        TimeSpan timeout,
        IProgress<FlowRunSnapshot>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the run's task table, in a snapshot's order (topological, a map's children after their map): costs
    /// at most <paramref name="limit"/> task-run calls on the cluster whatever the run's size. Page through all of them
    /// with <see cref="TributaryClientExtensions.GetTaskRunsAsync"/>.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="offset">The first row, from 0 (<see cref="TaskRunPage.NextOffset"/> of the page before).</param>
    /// <param name="limit">At most this many rows, from 1 to <see cref="TaskPageLimits.MaxLimit"/>. Default 100.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows, the table's total and the next page's offset; an empty page of total 0 for an unknown id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or <paramref name="limit"/> is out of range.</exception>
    Task<TaskRunPage> GetTaskRunsPageAsync(string flowRunId, int offset = 0, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// The run's progress: its status, how many tasks are in each status, and a version that changes with any of them.
    /// One grain call whatever the run's size; <see cref="FlowRunStatus.NotFound"/> for an unknown id.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<FlowRunProgress> GetFlowRunProgressAsync(string flowRunId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the run is final, reporting its progress each time it changes: a long poll on the run's version, so
    /// following a run costs the same whatever its size (no task is read). Calls that fail while a silo goes away are
    /// asked again.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="timeout">How long to wait in all.</param>
    /// <param name="progress">Given the progress at once and after each change; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait (and the grain call in flight).</param>
    /// <returns>The final progress.</returns>
    /// <exception cref="TimeoutException">The run is not final after <paramref name="timeout"/>.</exception>
    /// <exception cref="FlowRunNotFoundException">No run has that id (an <see cref="ArgumentException"/>).</exception>
    Task<FlowRunProgress> WaitForFlowRunProgressAsync(
        string flowRunId,
        TimeSpan timeout,
        IProgress<FlowRunProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a task's output through its handler, on this client, by the task's name. The output is stored through the
    /// task's handler first if it was not checkpointed (while its grain still holds it); only the safe value crosses to
    /// the client.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="taskName">The task.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException">No run has that id (a <see cref="FlowRunNotFoundException"/>), or the run's flow has no task of that name.</exception>
    /// <exception cref="TaskOutputUnavailableException">The task has not succeeded, or its output is gone.</exception>
    /// <exception cref="ResultLocationNotFoundException">The stored output was deleted.</exception>
    Task<Result> ReadTaskResultAsync(string flowRunId, string taskName, CancellationToken cancellationToken = default);

    /// <summary>Reads a task's output as <typeparamref name="T"/>, by the task's name; see <see cref="ReadTaskResultAsync(string, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The type to read the output as.</typeparam>
    /// <param name="flowRunId">The run.</param>
    /// <param name="taskName">The task.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException">No run has that id (a <see cref="FlowRunNotFoundException"/>), or the run's flow has no task of that name.</exception>
    /// <exception cref="TaskOutputUnavailableException">The task has not succeeded, or its output is gone.</exception>
    /// <exception cref="ResultLocationNotFoundException">The stored output was deleted.</exception>
    Task<Result<T>> ReadTaskResultAsync<T>(string flowRunId, string taskName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a typed task's output, typed by its node: the value <paramref name="task"/>'s code returned, read through
    /// its handler on this client as for <see cref="ReadTaskResultAsync{T}"/>. The node comes from the flow's own
    /// definition code (a flow provider that exposes its nodes), so a wrong type does not compile.
    /// </summary>
    /// <typeparam name="TOut">The task's output type.</typeparam>
    /// <param name="flowRunId">The run.</param>
    /// <param name="task">The task, as its flow defines it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The task's output.</returns>
    /// <exception cref="ArgumentException">
    /// No run has that id, or <paramref name="task"/> belongs to another flow than the run's, or the run's flow version
    /// has no task of that name; the message names the run's flow and the node's.
    /// </exception>
    /// <exception cref="TaskOutputUnavailableException">The task has not succeeded, or its output is gone.</exception>
    /// <exception cref="ResultLocationNotFoundException">The stored output was deleted.</exception>
    Task<TOut> GetResultAsync<TOut>(string flowRunId, TaskNode<TOut> task, CancellationToken cancellationToken = default);
}
