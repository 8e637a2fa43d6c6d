namespace Tributary.States;

/// <summary>Where a flow run is.</summary>
public enum FlowRunStatus
{
    /// <summary>No run with this id has started.</summary>
    NotFound = 0,

    /// <summary>Tasks are running or waiting.</summary>
    Running = 1,

    /// <summary>
    /// Every task is final and none counts as a failure: each is <see cref="TaskRunStatus.Success"/>,
    /// <see cref="TaskRunStatus.Skipped"/>, or <see cref="TaskRunStatus.TriggerFailed"/> with a failure handler's trigger.
    /// </summary>
    Success = 2,

    /// <summary>
    /// Every task is final and at least one counts as a failure: <see cref="TaskRunStatus.Failed"/>,
    /// <see cref="TaskRunStatus.UpstreamFailed"/>, or <see cref="TaskRunStatus.TriggerFailed"/> with
    /// <see cref="Flows.TaskTrigger.AnySuccessful"/>. A clean-up task or a failure handler that runs and succeeds after a
    /// failure does not turn the run into a success: the failure it handled is still there.
    /// </summary>
    Failed = 3,

    /// <summary>
    /// Cancelled on request (<see cref="Grains.IFlowRunGrain.CancelAsync"/>), and every task is final: tasks final before
    /// the request keep their status, the others are <see cref="TaskRunStatus.Cancelled"/>. Can be resumed like a failed
    /// run: its cancelled tasks run again.
    /// </summary>
    Cancelled = 4,
}
