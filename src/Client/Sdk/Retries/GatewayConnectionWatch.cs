namespace Tributary.Client.Retries;

/// <summary>
/// Tells the client's calls when a gateway connection drops, so that a call in flight through it is given up and tried
/// again at once instead of waiting out the response timeout.
/// </summary>
/// <remarks>
/// When a gateway dies, Orleans routes new messages to another gateway, but a request already sent through the dead one
/// gets no answer and no error: the client fails it only when its response timeout (10 s in the SDK) has passed. Orleans
/// does tell <see cref="IClusterConnectionStatusObserver"/>s the moment the number of connected gateways falls. Which call
/// went through which gateway is not known here, so every call in flight at that moment is given up; only calls that can
/// be made twice are tried this way (see <see cref="ClusterCallRetry"/>), and a call through a live gateway merely goes
/// again.
/// </remarks>
internal sealed class GatewayConnectionWatch : IClusterConnectionStatusObserver
{
    private CancellationTokenSource _current = new();
    private int _droppedConnections;

    /// <summary>A token cancelled when the next gateway connection drops; take it when a call starts.</summary>
    public CancellationToken ConnectionDropped => Volatile.Read(ref _current).Token;

    /// <summary>How many gateway connections have dropped since the client started.</summary>
    public int DroppedConnections => Volatile.Read(ref _droppedConnections);

    /// <inheritdoc />
    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            Signal();
        }
    }

    /// <inheritdoc />
    /// <remarks>Orleans tells the gateway count that fell to zero too: that is where the calls are given up.</remarks>
    public void NotifyClusterConnectionLost()
    {
    }

    /// <summary>Cancels the current token (the calls that took it) and puts a fresh one in its place for later calls.</summary>
    private void Signal()
    {
        var dropped = Interlocked.Exchange(ref _current, new CancellationTokenSource());
        Interlocked.Increment(ref _droppedConnections);
        // Not disposed: a call may still be linking to its token; an uncancelled-by-timer source holds nothing to release.
        dropped.Cancel();
    }
}
