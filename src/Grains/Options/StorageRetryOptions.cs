namespace Tributary.Options;

/// <summary>
/// How long the engine rides out a storage fault before it counts against a task (<c>Tributary:StorageRetry</c>):
/// state writes, checkpoints and cached inputs are tried again with exponential back-off and jitter for up to
/// <see cref="MaxDuration"/>. Only faults that may pass are retried (an outage, a timeout, a throttle); a contract or
/// serialization error, a missing location or an authorization failure fails at once.
/// </summary>
public sealed class StorageRetryOptions
{
    /// <summary>
    /// How long one write is retried before it fails. Default 1 minute: longer than the restarts and fail-overs of a
    /// storage service that users report as "a blip", short enough that a real outage surfaces as a failed task or run
    /// (which <c>tributary resume</c> continues). Zero: no retries.
    /// </summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the first retry; it doubles each time (with jitter). Default 200 ms.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two tries. Default 5 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
