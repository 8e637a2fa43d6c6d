namespace Tributary.Runs;

/// <summary>What a pending task's trigger decides, given what its upstream tasks ended as so far.</summary>
internal enum TriggerVerdict
{
    /// <summary>Not decided yet: an upstream task the trigger needs is not final.</summary>
    Wait = 0,

    /// <summary>The trigger holds: start the task.</summary>
    Run = 1,

    /// <summary>The default trigger, and an upstream task failed.</summary>
    UpstreamFailed = 2,

    /// <summary>A skip travels down to the task.</summary>
    Skipped = 3,

    /// <summary>The trigger does not hold.</summary>
    TriggerFailed = 4,
}
