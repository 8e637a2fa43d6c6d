namespace Tributary.Flows;

/// <summary>
/// How a failed task is retried: how many attempts it gets, how long it waits before each retry (a first delay that
/// grows by a coefficient up to a maximum, with optional jitter), and which exceptions are not retried. Part of the flow
/// definition (<see cref="TaskOptions.Retry"/>) and of its version; it is not stored in run state.
/// </summary>
/// <remarks>
/// The delay before the retry that follows the <c>n</c>-th failed attempt is
/// <c>min(FirstDelay × BackoffCoefficient^(n−1), MaximumDelay)</c>, then scaled by a random factor in
/// <c>[1 − Jitter, 1 + Jitter)</c> and capped at <see cref="MaximumDelay"/> again (see <see cref="DelayBeforeRetry"/>).
/// Attempts lost with their silo, interrupted by a shutdown or made before a resume do not count as failed attempts.
/// </remarks>
public sealed record RetryPolicy
{
    /// <summary>The longest a retry may wait: a grain timer cannot wait much longer.</summary>
    public static readonly TimeSpan LongestDelay = TimeSpan.FromDays(30);

    /// <summary>No retries: one attempt.</summary>
    public static RetryPolicy None { get; } = new() { MaximumAttempts = 1, FirstDelay = TimeSpan.Zero, MaximumDelay = TimeSpan.Zero };

    /// <summary>
    /// How many attempts the task gets in all, the first included (1: no retries). Default 3. Must be 1 or more.
    /// </summary>
    public int MaximumAttempts { get; init; } = 3;

    /// <summary>How long to wait before the first retry. Default 1 second; zero retries at once.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>What each further delay is multiplied by (1: the same delay each time). Default 2; must be 1 or more.</summary>
    public double BackoffCoefficient { get; init; } = 2.0;

    /// <summary>
    /// The longest any delay may be, jitter included. Default 10 minutes; at least <see cref="FirstDelay"/>, at most
    /// <see cref="LongestDelay"/>.
    /// </summary>
    public TimeSpan MaximumDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How far each delay varies at random, as a fraction of it: 0.2 gives a delay between 80% and 120% of the computed
    /// one (never above <see cref="MaximumDelay"/>). Default 0; between 0 and 1. Jitter keeps many tasks that failed
    /// together from retrying together.
    /// </summary>
    public double Jitter { get; init; }

    /// <summary>
    /// Exception types that fail the task at once, with no retry (a subclass counts as its base type). A
    /// <see cref="NonRetryableTaskException"/> is never retried, listed or not. Default none.
    /// </summary>
    public IReadOnlyList<Type> NonRetryableExceptionTypes { get; init; } = [];

    /// <summary>A policy that retries after the same delay each time, as <see cref="TaskOptions.MaxRetries"/> and <see cref="TaskOptions.RetryDelay"/> do.</summary>
    /// <param name="maximumAttempts">How many attempts in all, the first included.</param>
    /// <param name="delay">The delay before each retry.</param>
    /// <returns>The policy: coefficient 1, no jitter, maximum delay <paramref name="delay"/>.</returns>
    public static RetryPolicy Fixed(int maximumAttempts, TimeSpan delay) =>
        new() { MaximumAttempts = maximumAttempts, FirstDelay = delay, BackoffCoefficient = 1, MaximumDelay = delay };

    /// <summary>Whether a failed attempt's exception may be retried: not a <see cref="NonRetryableTaskException"/> nor of a type in <see cref="NonRetryableExceptionTypes"/>.</summary>
    /// <param name="exception">What the attempt threw.</param>
    public bool IsRetryable(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is NonRetryableTaskException)
        {
            return false;
        }

        foreach (var type in NonRetryableExceptionTypes)
        {
            if (type.IsInstanceOfType(exception))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The delay before the retry that follows the <paramref name="failedAttempts"/>-th failed attempt: a pure function of
    /// the policy, the count and <paramref name="jitterSample"/>.
    /// </summary>
    /// <param name="failedAttempts">How many attempts failed so far (that count against the policy), from 1.</param>
    /// <param name="jitterSample">A number in [0, 1) that picks the jitter (0.5: none); ignored when <see cref="Jitter"/> is 0.</param>
    /// <returns>Between zero and <see cref="MaximumDelay"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failedAttempts"/> is below 1, or the sample is outside [0, 1).</exception>
    public TimeSpan DelayBeforeRetry(int failedAttempts, double jitterSample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        if (!(jitterSample >= 0 && jitterSample < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(jitterSample), jitterSample, "The jitter sample must be in [0, 1).");
        }

        if (FirstDelay == TimeSpan.Zero)
        {
            return TimeSpan.Zero; // and no 0 × ∞ when the growth overflows
        }

        var cap = (double)MaximumDelay.Ticks;
        var ticks = Math.Min(FirstDelay.Ticks * Math.Pow(BackoffCoefficient, failedAttempts - 1), cap);
        ticks *= 1 + (Jitter * ((2 * jitterSample) - 1));
        return TimeSpan.FromTicks((long)Math.Clamp(ticks, 0, cap));
    }

    /// <summary>When the retry that follows the <paramref name="failedAttempts"/>-th failed attempt is due.</summary>
    /// <param name="failedAttempts">How many attempts failed so far, from 1.</param>
    /// <param name="time">The clock.</param>
    /// <param name="jitter">The source of the jitter sample.</param>
    /// <returns>Now plus <see cref="DelayBeforeRetry"/>.</returns>
    public DateTimeOffset NextAttemptAt(int failedAttempts, TimeProvider time, Random jitter)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(jitter);
        return time.GetUtcNow() + DelayBeforeRetry(failedAttempts, jitter.NextDouble());
    }

    /// <summary>Throws when a setting is out of range, naming it and the task.</summary>
    /// <param name="taskName">The task, for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException">A non-retryable type is not an exception type.</exception>
    public void Validate(string taskName)
    {
        if (MaximumAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumAttempts), MaximumAttempts, $"Task '{taskName}': RetryPolicy.MaximumAttempts must be 1 or more.");
        }

        if (FirstDelay < TimeSpan.Zero || FirstDelay > LongestDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(FirstDelay), FirstDelay, $"Task '{taskName}': RetryPolicy.FirstDelay must be between zero and {LongestDelay}.");
        }

        if (MaximumDelay < FirstDelay || MaximumDelay > LongestDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumDelay), MaximumDelay, $"Task '{taskName}': RetryPolicy.MaximumDelay must be between FirstDelay ({FirstDelay}) and {LongestDelay}.");
        }

        if (!(BackoffCoefficient >= 1) || double.IsInfinity(BackoffCoefficient))
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffCoefficient), BackoffCoefficient, $"Task '{taskName}': RetryPolicy.BackoffCoefficient must be a finite number, 1 or more.");
        }

        if (!(Jitter >= 0 && Jitter <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, $"Task '{taskName}': RetryPolicy.Jitter must be between 0 and 1.");
        }

        ArgumentNullException.ThrowIfNull(NonRetryableExceptionTypes, nameof(NonRetryableExceptionTypes));
        foreach (var type in NonRetryableExceptionTypes)
        {
            if (type is null || !typeof(Exception).IsAssignableFrom(type))
            {
                throw new ArgumentException(
                    $"Task '{taskName}': RetryPolicy.NonRetryableExceptionTypes must hold exception types; got '{type?.FullName ?? "null"}'.",
                    nameof(NonRetryableExceptionTypes));
            }
        }
    }
}
