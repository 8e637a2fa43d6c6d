namespace Tributary.States;

/// <summary>
/// Where a task run comes from: the version of the flow it runs, and how its attempts carry over when its run is
/// resumed. Part of <see cref="TaskRunState"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("tributary.task-run-origin")]
public sealed record TaskRunOrigin
{
    /// <summary>
    /// The version of the flow the task runs (<see cref="Flows.FlowDefinition.Version"/>), given by its flow run;
    /// <see langword="null"/> for a run that recorded no version (it takes the newest).
    /// </summary>
    [Id(0)]
    public string? FlowVersion { get; init; }

    /// <summary>How many times the task was resumed (set back to run again because its failed run was resumed).</summary>
    [Id(1)]
    public int Resumes { get; init; }

    /// <summary>
    /// The attempts that counted against the task's retries before its last resume. Attempt numbers go on across a
    /// resume, but these attempts do not count again: a resumed task has its full <c>MaxRetries</c> once more.
    /// </summary>
    [Id(2)]
    public int AttemptsBeforeResume { get; init; }
}
