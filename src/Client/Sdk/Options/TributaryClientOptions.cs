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
}
