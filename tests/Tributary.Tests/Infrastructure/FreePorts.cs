using System.Net;
using System.Net.Sockets;

namespace Tributary.Tests.Infrastructure;

/// <summary>Picks TCP ports on the loopback address that nothing listens on right now.</summary>
public static class FreePorts
{
    /// <summary>Gives <paramref name="count"/> distinct free ports.</summary>
    /// <remarks>
    /// The listeners are held until all ports are chosen, so the ports are distinct; another process could still take
    /// one before the caller binds it, which callers handle by retrying with new ports.
    /// </remarks>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>Gives one free port.</summary>
    public static int Take() => Take(1)[0];
}
