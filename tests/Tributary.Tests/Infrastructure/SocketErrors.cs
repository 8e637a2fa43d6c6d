using System.Net.Sockets;

namespace Tributary.Tests.Infrastructure;

/// <summary>Recognises socket failures inside the exceptions that hosts wrap them in.</summary>
public static class SocketErrors
{
    /// <summary>Whether <paramref name="error"/> or an exception inside it is a failure to bind a port already in use.</summary>
    public static bool IsAddressInUse(Exception? error) => error switch
    {
        null => false,
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsAddressInUse),
        _ => IsAddressInUse(error.InnerException),
    };
}
