namespace Tributary.Runs;

/// <summary>What a task's status means for the triggers of its downstream tasks and for its run's final status.</summary>
internal enum TaskOutcome
{
    /// <summary>Not final yet.</summary>
    Unfinished = 0,

    /// <summary>Success.</summary>
    Succeeded = 1,

    /// <summary>Skipped, or a failure handler that had nothing to handle: counts as a success of the run.</summary>
    Skipped = 2,

    /// <summary>Failed, did not run because of a failure, or an AnySuccessful trigger that found no success: fails the run.</summary>
    Failed = 3,
}
