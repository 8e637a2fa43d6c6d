using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Tributary.Client.Retries;

/// <summary>Tells a fault of the way to the cluster (worth another try, maybe through another gateway) from an answer.</summary>
internal static class TransientClusterFaults
{
    /// <summary>
    /// Whether <paramref name="exception"/> says the call did not get through or got no answer: a message Orleans
    /// rejected (<see cref="OrleansMessageRejectionException"/>, which <see cref="SiloUnavailableException"/> is: no live
    /// gateway, a target silo that died), a gateway that could not be connected to or is overloaded, a call not answered
    /// within the response timeout (<see cref="TimeoutException"/>), or a gateway connection that dropped under it.
    /// </summary>
    /// <remarks>
    /// Everything else is an answer and is not tried again: the grains' own errors (a bad parameter, an unknown flow, a
    /// conflicting run id, an <see cref="ArgumentException"/>), a cancellation, and any other <see cref="OrleansException"/>
    /// (a serialization or configuration error would fail the same way every time).
    /// </remarks>
    /// <param name="exception">What a call threw.</param>
    public static bool IsTransient(Exception exception) => exception is
        OrleansMessageRejectionException
        or ConnectionFailedException
        or GatewayTooBusyException
        or TimeoutException
        or GatewayConnectionDroppedException;
}
