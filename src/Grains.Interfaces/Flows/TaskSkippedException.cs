namespace Tributary.Flows;

/// <summary>
/// Thrown by a task's code to skip the task: the attempt ends at once, the task ends
/// <see cref="States.TaskRunStatus.Skipped"/> with no output and <see cref="Exception.Message"/> as its message, and no
/// retry follows. Its downstream tasks follow their triggers (see <see cref="TaskTrigger"/>): with the default trigger
/// they are skipped too. A skipped task counts as a success of its run.
/// </summary>
/// <remarks>The task's code is the only place to throw it; it never crosses a grain call.</remarks>
public sealed class TaskSkippedException : Exception
{
    /// <summary>Skips the task with a default message.</summary>
    public TaskSkippedException()
        : base("The task skipped itself.")
    {
    }

    /// <summary>Skips the task.</summary>
    /// <param name="reason">Why, for the task's message.</param>
    public TaskSkippedException(string reason)
        : base(reason)
    {
    }

    /// <summary>Skips the task.</summary>
    /// <param name="reason">Why, for the task's message.</param>
    /// <param name="innerException">What led to the skip.</param>
    public TaskSkippedException(string reason, Exception? innerException)
        : base(reason, innerException)
    {
    }
}
