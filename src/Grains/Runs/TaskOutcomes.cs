using Tributary.Flows;
using Tributary.States;

namespace Tributary.Runs;

/// <summary>The one place that says what each final task status means (see <see cref="TaskRunStatus"/>'s remarks).</summary>
internal static class TaskOutcomes
{
    /// <summary>The outcome of a task in <paramref name="status"/> whose trigger is <paramref name="trigger"/>.</summary>
    public static TaskOutcome Of(TaskRunStatus status, TaskTrigger trigger) => status switch
    {
        TaskRunStatus.Success or TaskRunStatus.Cached => TaskOutcome.Succeeded,
        TaskRunStatus.Skipped => TaskOutcome.Skipped,
        // A failure handler whose trigger did not hold had nothing to handle: as if skipped. Any other trigger that did
        // not hold (AnySuccessful: nothing succeeded) is a failure.
        TaskRunStatus.TriggerFailed => trigger is TaskTrigger.AnyFailed or TaskTrigger.AllFailed ? TaskOutcome.Skipped : TaskOutcome.Failed,
        TaskRunStatus.Failed or TaskRunStatus.UpstreamFailed => TaskOutcome.Failed,
        // Cancelled: it did not do its work. Its run ends Cancelled whatever the outcomes, so this only tells a resumed
        // run's triggers, which never see it (a resume sets it back to pending).
        TaskRunStatus.Cancelled => TaskOutcome.Failed,
        _ => TaskOutcome.Unfinished,
    };
}
