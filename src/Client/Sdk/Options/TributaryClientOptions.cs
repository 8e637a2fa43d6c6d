namespace Tributary.Options;

/// <summary>How the SDK's client connects and how long it waits for an answer, bound from <c>Tributary:Client</c>.</summary>
public sealed class TributaryClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tributary:Client";

    /// <summary>
    /// How long connecting may take before it fails with a <see cref="Client.ClusterUnreachableException"/>: while no
    /// gateway is listed or none answers, the client asks again (every 0.2 s at first, then at most every second) until
    /// then. Default 10 s.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one call to the cluster waits for its answer (Orleans' <c>ClientMessagingOptions.ResponseTimeout</c>,
    /// whose own default is 30 s) before it fails with a <see cref="TimeoutException"/>; a wait for a run asks again.
    /// Default 10 s: above the 5 s for which the cluster holds a wait call (<see cref="Client.TributaryClient.WaitSlice"/>),
    /// short enough that a call in flight to a silo that died is given up quickly.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the client keeps trying a call that failed on a transient cluster fault (a gateway or silo that went away,
    /// a call not answered within <see cref="ResponseTimeout"/>) before it gives up with a
    /// <see cref="Client.ClusterUnreachableException"/> (or a <see cref="TimeoutException"/> when the last try was not
    /// answered in time). Only calls that can be made twice are tried again: reads, waits, <c>cancel</c> and starts (a
    /// start keeps its run id, so a second try gives the run the first one started); <c>resume</c> and the cache's
    /// clear and remove are not. Tries are spaced by exponential back-off with jitter (0.1 s at first, at most 2 s), and a
    /// call in flight when a gateway connection drops is given up at once and tried again, on a live gateway. The last
    /// try may run up to <see cref="ResponseTimeout"/> past this. <see cref="TimeSpan.Zero"/> turns the retries off.
    /// Default 30 s: longer than a tuned cluster takes to declare a killed silo dead.
    /// </summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromSeconds(30);
}
