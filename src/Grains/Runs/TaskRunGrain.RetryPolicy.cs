using Tributary.Flows;

namespace Tributary.Runs;

// Whether and when a failed attempt is retried, by the task's RetryPolicy (TaskOptions.Retry or its shorthand).
internal sealed partial class TaskRunGrain
{
    /// <summary>
    /// The delay before the next attempt, or <see langword="null"/> and why not when the attempt that threw
    /// <paramref name="exception"/> was the last: its policy's attempts are used up (counted by <see cref="RetriesUsed"/>,
    /// so lost, interrupted and pre-resume attempts use none), or the exception is not retried.
    /// </summary>
    private (TimeSpan? Delay, string? NotRetried) PlanRetry(RetryPolicy policy, Exception exception)
    {
        if (!policy.IsRetryable(exception))
        {
            return (null, exception is NonRetryableTaskException
                ? "Not retried: the task's code threw NonRetryableTaskException."
                : $"Not retried: {exception.GetType().Name} is one of its RetryPolicy.NonRetryableExceptionTypes.");
        }

        var used = RetriesUsed;
        if (used >= policy.MaximumAttempts)
        {
            return (null, null);
        }

        // Random.Shared: jitter needs no reproducible sequence here; RetryPolicyTests pin the function with seeded ones.
        return (policy.DelayBeforeRetry(used, Random.Shared.NextDouble()), null);
    }
}
