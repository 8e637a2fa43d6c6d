namespace Tributary.Client.Retries;

/// <summary>A call was given up because a gateway connection dropped while it was in flight (see <see cref="GatewayConnectionWatch"/>).</summary>
internal sealed class GatewayConnectionDroppedException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="operation">The call given up, as <see cref="ClusterCallRetry"/> names it.</param>
    public GatewayConnectionDroppedException(string operation)
        : base($"A gateway connection dropped while {operation} was in flight.")
    {
    }
}
