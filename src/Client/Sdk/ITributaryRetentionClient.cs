using Tributary.Client.Retention;

namespace Tributary.Client;

/// <summary>
/// Retention: lists and deletes the results runs stored through their handlers (a dry run first, then the deletion), and
/// deletes runs themselves. <see cref="TributaryClient"/> implements it; inject this interface so that tests can give a fake.
/// </summary>
/// <remarks>
/// <para>
/// A run's results are the safe values its task runs' states name (each task's output, a map's children's outputs,
/// inputs cached for a retry that never succeeded), deleted through the handler the client's catalog rebuilds from each
/// descriptor, with the client's own credentials; and, for handlers that list (<see cref="Handlers.IResultLocationLister"/>:
/// the local handler), whatever else lies under the run's key prefix (<c>yyyy/MM/dd/flow/run/</c>), such as a checkpoint
/// written by an attempt whose state was never stored. Results of the JSON handler live in the state itself and go with it.
/// </para>
/// <para>
/// Cached outputs are shared across runs: a result an unexpired cache entry still serves is left to the cache
/// (<see cref="RunResults.KeptForCache"/>), and its run is kept too (still naming it): once the entry expired or was cleared
/// (the cache's own clear command), a later deletion removes the result and then the run. Runs still running are never
/// touched, and a run whose result could not be deleted is kept (not deleted, not reported cleaned) so that its state
/// still names what is left: deleting again later picks it up.
/// </para>
/// </remarks>
public interface ITributaryRetentionClient
{
    /// <summary>A dry run: the selected runs and every stored result they own, each with its location and handler. Deletes nothing.</summary>
    /// <param name="selection">One run, or runs ended more than N days ago (optionally of one flow).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="FlowRunNotFoundException">The selection names one run, and there is none with that id.</exception>
    /// <exception cref="InvalidOperationException">The selection names one run, and it is still running.</exception>
    Task<ResultDeletionPlan> PlanResultDeletionAsync(RetentionSelection selection, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the results of a plan through their handlers, run by run, reporting for each result whether it was deleted,
    /// already gone, or failed (a failure does not stop the others). A run running again since the plan was made is skipped.
    /// </summary>
    /// <param name="plan">A plan from <see cref="PlanResultDeletionAsync"/>.</param>
    /// <param name="deleteRuns">
    /// Also delete each run whose results are all gone, none failed and none kept for the cache (see <see cref="DeleteFlowRunAsync"/>).
    /// </param>
    /// <param name="cancellationToken">Cancels the deletion (what was deleted stays deleted).</param>
    Task<ResultDeletionReport> DeleteResultsAsync(ResultDeletionPlan plan, bool deleteRuns = false, CancellationToken cancellationToken = default);

    /// <summary>Makes a plan for <paramref name="selection"/> and deletes it (see <see cref="DeleteResultsAsync(ResultDeletionPlan, bool, CancellationToken)"/>).</summary>
    /// <param name="selection">One run, or runs ended more than N days ago.</param>
    /// <param name="deleteRuns">Also delete each run whose results are all gone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="FlowRunNotFoundException">The selection names one run, and there is none with that id.</exception>
    /// <exception cref="InvalidOperationException">The selection names one run, and it is still running.</exception>
    Task<ResultDeletionReport> DeleteResultsAsync(RetentionSelection selection, bool deleteRuns = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a run itself: its task runs' states (a map's children included), its run-index entry and its own state; it
    /// is no longer listed and reads as not found. Its stored results are not deleted by this: delete them first
    /// (<see cref="DeleteResultsAsync(RetentionSelection, bool, CancellationToken)"/> with <c>deleteRuns</c> does both, in that order),
    /// or nothing names them any more.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether there was a run to delete.</returns>
    /// <exception cref="InvalidOperationException">The run is still running.</exception>
    Task<bool> DeleteFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default);
}
