namespace Tributary.Options;

/// <summary>
/// Engine settings, bound from the <c>Tributary</c> configuration section. A silo checks them when it starts and refuses to
/// start with a setting out of range, naming its configuration key (an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>).
/// </summary>
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

    /// <summary>
    /// How long a graceful deactivation (a silo stopping for an upgrade, a rebalancing) waits for a running attempt to
    /// finish and store its outcome before it hands the attempt over: the attempt is recorded as interrupted and runs
    /// again on another activation, using none of the task's retries and not counting as lost. Default 20 seconds; it
    /// must stay below Orleans' <c>GrainCollectionOptions.DeactivationTimeout</c> (30 s by default) and the host's
    /// shutdown timeout, which bound a deactivation anyway.
    /// </summary>
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How many of one task's inputs are fetched at once before an attempt, and how many are cached at once for a retry
    /// (each a grain call or a handler read or write). Default 32: a fan-in of thousands of inputs keeps at most this many
    /// calls or writes in flight per task run instead of sending them all together. Must be at least 1.
    /// </summary>
    public int InputConcurrency { get; set; } = 32;

    /// <summary>
    /// The size in bytes above which a downstream task reads a checkpointed upstream's output straight through its
    /// handler although the upstream grain holds it in memory; a checkpoint not in the upstream's memory is always read
    /// directly (the upstream would have to read it anyway). Default -1: a value in memory always comes in the upstream's
    /// message. Measured with the benchmark's W3 (1 MB outputs, local checkpoints, one silo): reading held outputs
    /// directly (0) took 0.94× raw Orleans' time against 0.53× by message, since a message between grains of one silo
    /// does not copy the value. Worth setting where messages cross a slow network and the handler's store is closer.
    /// </summary>
    public int DirectReadAbove { get; set; } = -1;

    /// <summary>How storage faults are ridden out before they count (<c>Tributary:StorageRetry</c>).</summary>
    public StorageRetryOptions StorageRetry { get; set; } = new();

    /// <summary>
    /// Whether a task without a checkpoint may report its success while its state write is still in flight (saving
    /// one storage round trip per task on the critical path). Default <see langword="false"/>: every outcome is stored
    /// before the flow run hears of it, so no run finishes on a state storage never received. The embedded host turns
    /// it on unless configured: its in-memory state dies with the process anyway.
    /// </summary>
    public bool ReportBeforeStored { get; set; }
}
