namespace Tributary.Options;

/// <summary>Engine settings, bound from the <c>Tributary</c> configuration section.</summary>
public sealed class TributaryOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tributary";

    /// <summary>
    /// The global checkpointing default for tasks that do not set <see cref="Flows.TaskOptions.Checkpoint"/>.
    /// Default <see langword="false"/>: outputs stay in task-run grains' memory unless a task opts in or this is set.
    /// </summary>
    public bool Checkpointing { get; set; }

    /// <summary>
    /// How often a running flow checks on tasks that should have reported (lost messages, silos that died).
    /// Default 10 seconds; a reminder also wakes runs every minute after a restart.
    /// </summary>
    public TimeSpan ProgressCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a failed attempt's exception message is kept in the task-run state (and so shown by the API and the
    /// command line). Default <see langword="true"/>. Turn it off when task code may put data in its exception messages:
    /// the state then records the exception type only, and the message goes to the silo's log alone.
    /// </summary>
    public bool RecordErrorMessages { get; set; } = true;

    /// <summary>
    /// Whether an attempt is stored as running while it runs (one more state write per attempt, overlapping its work),
    /// so that an attempt lost with its silo is recognised and counted against <see cref="MaxLostAttempts"/>. Default
    /// <see langword="true"/> (the embedded host turns it off unless configured: its in-memory state dies with the
    /// process anyway). Off, a lost attempt is still run again (the flow run finds the task pending), without
    /// limit, and each attempt costs one write less.
    /// </summary>
    public bool StoreRunningAttempts { get; set; } = true;

    /// <summary>
    /// How many attempts of one task may be lost with the silo running them (a crash, a kill, an eviction) before the
    /// task fails. Lost attempts run again at once and do not use up <c>MaxRetries</c>; the limit stops a task whose own
    /// code brings silos down from taking the cluster down one silo after another. Default 3.
    /// </summary>
    public int MaxLostAttempts { get; set; } = 3;

    /// <summary>The longest error message kept in a task-run state (longer ones are cut). Default 2,000 characters.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (ProgressCheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ProgressCheckInterval), ProgressCheckInterval, $"{SectionName}:{nameof(ProgressCheckInterval)} must be positive.");
        }

        if (MaxLostAttempts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLostAttempts), MaxLostAttempts, $"{SectionName}:{nameof(MaxLostAttempts)} must be zero or more.");
        }

        if (MaxMessageLength < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageLength), MaxMessageLength, $"{SectionName}:{nameof(MaxMessageLength)} must be at least 100.");
        }
    }
}
