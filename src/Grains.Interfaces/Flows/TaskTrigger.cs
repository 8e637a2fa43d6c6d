namespace Tributary.Flows;

/// <summary>
/// When a task runs, decided once its upstream tasks (the tasks it takes input from) are final. A task whose trigger
/// does not hold ends <see cref="States.TaskRunStatus.TriggerFailed"/>, except as each value says. The values are part
/// of the flow definition (and of its version), not of stored state.
/// </summary>
/// <remarks>
/// For a trigger, an upstream task counts as <em>succeeded</em> when it is <see cref="States.TaskRunStatus.Success"/> or <see cref="States.TaskRunStatus.Cached"/>;
/// <em>skipped</em> when it is <see cref="States.TaskRunStatus.Skipped"/>, or <see cref="States.TaskRunStatus.TriggerFailed"/>
/// as a failure handler that had nothing to handle; <em>failed</em> otherwise (Failed, UpstreamFailed, TriggerFailed with
/// <see cref="AnySuccessful"/>). A task that runs with an upstream that did not succeed gets the default value of that
/// input's type (<see langword="null"/> for a reference type): declare such inputs nullable.
/// </remarks>
public enum TaskTrigger
{
    /// <summary>
    /// The default: runs when every upstream task succeeded. When one failed it ends
    /// <see cref="States.TaskRunStatus.UpstreamFailed"/> at once (without waiting for the others); when none failed but
    /// one was skipped it ends <see cref="States.TaskRunStatus.Skipped"/> too (a skip travels down the default path). A
    /// task with no upstream tasks runs.
    /// </summary>
    AllSuccessful = 0,

    /// <summary>
    /// A clean-up task: runs once every upstream task is final, whatever they ended as. It never ends TriggerFailed; its own
    /// success does not make a failed run succeed.
    /// </summary>
    AllFinished = 1,

    /// <summary>A failure handler: runs when at least one upstream task failed. Needs an upstream task.</summary>
    AnyFailed = 2,

    /// <summary>A failure handler: runs when every upstream task failed. Needs an upstream task.</summary>
    AllFailed = 3,

    /// <summary>
    /// Runs when at least one upstream task succeeded. When every upstream task was skipped it ends
    /// <see cref="States.TaskRunStatus.Skipped"/>; otherwise (none succeeded, one failed) TriggerFailed, which fails the
    /// run. Needs an upstream task.
    /// </summary>
    AnySuccessful = 4,
}
