using System.Net;
using System.Net.Sockets;

namespace Tributary.Client;

/// <summary>How an embedded silo gets its silo port (see the decision in <c>TributaryClientFactory.Embedded.cs</c>).</summary>
internal static class EmbeddedPorts
{
    /// <summary>A loopback port that nothing listens on right now, chosen by the operating system (then released).</summary>
    public static int ChooseFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether a start failed because a port was already in use (Orleans wraps the socket error).</summary>
    public static bool IsAddressInUse(Exception? error) => error switch
    {
        null => false,
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsAddressInUse),
        _ => IsAddressInUse(error.InnerException),
    };
}
