using Tributary.Caching;
using Tributary.Handlers;

namespace Tributary.Flows;

/// <summary>How one task runs: when (its trigger), retries, checkpointing, its result handler, its timeout and its caching.</summary>
public sealed record TaskOptions
{
    /// <summary>
    /// The default options: runs when every upstream task succeeded, no retries, checkpointing as configured, handler
    /// from the hierarchy, no timeout.
    /// </summary>
    public static TaskOptions Default { get; } = new();

    /// <summary>When the task runs, decided once its upstream tasks are final; default <see cref="TaskTrigger.AllSuccessful"/>.</summary>
    public TaskTrigger Trigger { get; init; } = TaskTrigger.AllSuccessful;

    /// <summary>
    /// How a failed attempt is retried: attempts, backoff, jitter, exceptions not retried. <see langword="null"/> (the
    /// default) takes the shorthand <see cref="MaxRetries"/> and <see cref="RetryDelay"/>; set one or the other, not both.
    /// </summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>
    /// Shorthand for a <see cref="RetryPolicy.Fixed"/> policy: how many times a failed attempt is retried (0, the default,
    /// means it runs once). Ignored, and refused by <see cref="Validate"/>, when <see cref="Retry"/> is set.
    /// </summary>
    public int MaxRetries { get; init; }

    /// <summary>Shorthand with <see cref="MaxRetries"/>: how long to wait before each retry. Default zero.</summary>
    public TimeSpan RetryDelay { get; init; }

    /// <summary>The retry policy that applies: <see cref="Retry"/>, or the one <see cref="MaxRetries"/> and <see cref="RetryDelay"/> stand for.</summary>
    public RetryPolicy EffectiveRetry => Retry ?? (MaxRetries == 0 && RetryDelay == TimeSpan.Zero
        ? RetryPolicy.None
        : RetryPolicy.Fixed((int)Math.Min((long)MaxRetries + 1, int.MaxValue), RetryDelay)); // MaxRetries may be int.MaxValue: "retry for ever"

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

    /// <summary>
    /// How long a successful output may answer later runs instead of running the task's code: set, the task's output is
    /// written through its handler, kept as an entry under <see cref="CacheKey"/>, and the task ends
    /// <see cref="States.TaskRunStatus.Cached"/>; before it runs, a valid entry (see <see cref="CacheValidator"/>) answers
    /// instead. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for entries that never expire;
    /// <see langword="null"/> (the default) for no caching. See the README's "Caching".
    /// </summary>
    public TimeSpan? CacheFor { get; init; }

    /// <summary>
    /// Which entry may answer: <see langword="null"/> for <see cref="Caching.CacheValidator.DurationOnly"/>. Setting it
    /// without <see cref="CacheFor"/> is an error at <see cref="FlowBuilder.Build"/>.
    /// </summary>
    public ICacheValidator? CacheValidator { get; init; }

    /// <summary>
    /// The cache the task's entries go to: <see langword="null"/> for "flow/task" (the flow's name and the task's). Tasks
    /// that set the same key, in one flow or in several, share one cache. Setting it without <see cref="CacheFor"/> is an
    /// error at <see cref="FlowBuilder.Build"/>.
    /// </summary>
    public string? CacheKey { get; init; }

    /// <summary>
    /// Part of the key: entries made under another version never answer, and the first entry made under a new version
    /// retires the others. Bump it when the task's code changes (otherwise an entry of the old code keeps answering, and
    /// a warning is logged). Setting it without <see cref="CacheFor"/> is an error at <see cref="FlowBuilder.Build"/>.
    /// </summary>
    public string? CacheVersion { get; init; }

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <param name="taskName">The task, for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">Both <see cref="Retry"/> and the shorthand are set, or the policy is invalid.</exception>
    public void Validate(string taskName)
    {
        if (!Enum.IsDefined(Trigger))
        {
            throw new ArgumentOutOfRangeException(nameof(Trigger), Trigger, $"Task '{taskName}': Trigger is not a TaskTrigger.");
        }

        if (Retry is not null)
        {
            if (MaxRetries != 0 || RetryDelay != TimeSpan.Zero)
            {
                throw new ArgumentException(
                    $"Task '{taskName}': set Retry or the shorthand MaxRetries/RetryDelay, not both (RetryPolicy.Fixed(MaxRetries + 1, RetryDelay) is the shorthand).",
                    nameof(Retry));
            }

            Retry.Validate(taskName);
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, $"Task '{taskName}': MaxRetries must be zero or more.");
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > RetryPolicy.LongestDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, $"Task '{taskName}': RetryDelay must be between zero and {RetryPolicy.LongestDelay}.");
        }

        if (CacheFor is { } cacheFor && cacheFor <= TimeSpan.Zero && cacheFor != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(CacheFor), cacheFor, $"Task '{taskName}': CacheFor must be positive, or Timeout.InfiniteTimeSpan for entries that never expire.");
        }

        if (CacheKey is not null && (string.IsNullOrWhiteSpace(CacheKey) || CacheKey.Trim() != CacheKey))
        {
            throw new ArgumentException($"Task '{taskName}': CacheKey must be non-empty, without leading or trailing spaces.", nameof(CacheKey));
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, $"Task '{taskName}': Timeout must be positive.");
        }
    }
}
