using Tributary.Handlers;

namespace Tributary.Flows;

/// <summary>How one task runs: retries, checkpointing, its result handler and its timeout.</summary>
public sealed record TaskOptions
{
    /// <summary>The default options: no retries, checkpointing as configured, handler from the hierarchy, no timeout.</summary>
    public static TaskOptions Default { get; } = new();

    /// <summary>How many times a failed run is retried (0, the default, means it runs once).</summary>
    public int MaxRetries { get; init; }

    /// <summary>How long to wait before each retry. Default zero.</summary>
    public TimeSpan RetryDelay { get; init; }

    /// <summary>
    /// Whether a successful output is written through the task's handler (its checkpoint), so it survives a restart
    /// and the task is not run again. <see langword="null"/> (the default) takes the configured global default.
    /// </summary>
    public bool? Checkpoint { get; init; }

    /// <summary>The task-level result handler, the top of the hierarchy; <see langword="null"/> to inherit the flow's or the global one.</summary>
    public ResultHandlerDescriptor? ResultHandler { get; init; }

    /// <summary>
    /// How long one attempt may run before it is cancelled and counts as failed; <see langword="null"/> for no limit.
    /// Cancelling signals the task's <see cref="CancellationToken"/>: code that ignores it keeps running in the
    /// background until it returns, and its result is discarded.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <param name="taskName">The task, for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate(string taskName)
    {
        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, $"Task '{taskName}': MaxRetries must be zero or more.");
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, $"Task '{taskName}': RetryDelay must not be negative.");
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, $"Task '{taskName}': Timeout must be positive.");
        }
    }
}
