namespace Tributary.Grains;

/// <summary>A task's output was asked for, but the task has not succeeded or its output was neither kept in memory nor stored.</summary>
[GenerateSerializer, Alias("tributary.output-unavailable-error")]
public sealed class TaskOutputUnavailableException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="taskName">The task.</param>
    /// <param name="reason">Why there is no output.</param>
    /// <param name="lost">Whether the task succeeded but its output is gone (so running it again brings it back).</param>
    public TaskOutputUnavailableException(string taskName, string reason, bool lost)
        : base($"The output of task '{taskName}' is not available: {reason}")
    {
        TaskName = taskName;
        Lost = lost;
    }

    /// <summary>The task.</summary>
    [Id(0)]
    public string TaskName { get; }

    /// <summary>Whether the task succeeded but its output is gone.</summary>
    [Id(1)]
    public bool Lost { get; }
}
