namespace Tributary.States;

/// <summary>Where a task run is.</summary>
/// <remarks>
/// Each final status counts for its run as a success or a failure (see <see cref="FlowRunStatus"/>):
/// <see cref="Success"/>, <see cref="Cached"/> and <see cref="Skipped"/> count as success; <see cref="Failed"/> and
/// <see cref="UpstreamFailed"/> as failure, and so does <see cref="Cancelled"/> (its run ends
/// <see cref="FlowRunStatus.Cancelled"/> anyway); <see cref="TriggerFailed"/> as success when the task's trigger is a
/// failure handler's (<see cref="Flows.TaskTrigger.AnyFailed"/>, <see cref="Flows.TaskTrigger.AllFailed"/>: nothing it
/// handles went wrong) and as failure otherwise (<see cref="Flows.TaskTrigger.AnySuccessful"/>: none of its upstream
/// tasks succeeded). Values are stored: never renumber them.
/// </remarks>
public enum TaskRunStatus
{
    /// <summary>Not started: waiting for its upstream tasks.</summary>
    Pending = 0,

    /// <summary>Its code is running.</summary>
    Running = 1,

    /// <summary>An attempt failed and another is due at <see cref="TaskRunState.NextRetryAt"/>; its inputs are cached.</summary>
    Retrying = 2,

    /// <summary>Finished with an output.</summary>
    Success = 3,

    /// <summary>Failed with no retries left.</summary>
    Failed = 4,

    /// <summary>
    /// Did not run because a task it takes input from failed (or did not run because of a failure), and its trigger is
    /// <see cref="Flows.TaskTrigger.AllSuccessful"/>; <see cref="TaskRunState.Message"/> says which. Counts as a failure
    /// of the run.
    /// </summary>
    UpstreamFailed = 5,

    /// <summary>
    /// Ended without an output, deliberately: its code threw <see cref="Flows.TaskSkippedException"/>, or an upstream
    /// task was skipped and its trigger (<see cref="Flows.TaskTrigger.AllSuccessful"/>, or
    /// <see cref="Flows.TaskTrigger.AnySuccessful"/> with every upstream skipped) does not run it then. Counts as a
    /// success of the run: a skip is a decision, not a fault.
    /// </summary>
    Skipped = 6,

    /// <summary>
    /// Did not run: once its upstream tasks were final, its trigger (<see cref="Flows.TaskOptions.Trigger"/>) did not hold,
    /// and <see cref="TaskRunState.Message"/> says why. Counts as a success of the run for a failure handler
    /// (<see cref="Flows.TaskTrigger.AnyFailed"/>, <see cref="Flows.TaskTrigger.AllFailed"/>), as a failure for
    /// <see cref="Flows.TaskTrigger.AnySuccessful"/>.
    /// </summary>
    TriggerFailed = 7,

    /// <summary>
    /// Finished with an output, and the task caches (<see cref="Flows.TaskOptions.CacheFor"/>): either its code ran and
    /// its output became a cache entry, or a valid entry answered and its code did not run
    /// (<see cref="TaskRunState.Message"/> says which). A kind of success: downstream tasks run, and the run counts it as
    /// one (see <see cref="TaskRunStatusExtensions.IsSuccess"/>).
    /// </summary>
    Cached = 8,

    /// <summary>
    /// Ended because its run was cancelled (<see cref="Grains.IFlowRunGrain.CancelAsync"/>): a pending task never started,
    /// a retrying task's retry was dropped, and a running attempt's <see cref="CancellationToken"/> was signalled and its
    /// result, if it still came, discarded. Not retried. Counts as a failure of the run, which ends
    /// <see cref="FlowRunStatus.Cancelled"/>; a resume runs it again.
    /// </summary>
    Cancelled = 9,
}
