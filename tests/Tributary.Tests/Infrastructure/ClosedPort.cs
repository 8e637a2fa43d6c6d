using System.Net;
using System.Net.Sockets;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// A loopback TCP port held by a socket that is bound but not listening: a connection to it is refused, and no other
/// socket, of this process or another, can listen on it while it is held.
/// </summary>
/// <remarks>
/// This replaces choosing a "free" port by binding a listener to port 0 and releasing it, which leaves a gap in which
/// another process (or an outgoing connection given that port) can take it. Use it where a test needs a port on which
/// nothing answers (storage that is down), a port that must not be usable (a program that is expected not to start),
/// or a server that appears later on a port known now (<see cref="Listen"/>).
/// </remarks>
public sealed class ClosedPort : IDisposable
{
    private const int LinuxSolSocket = 1;
    private const int LinuxSoReuseAddr = 2;
    private readonly Socket _socket;

    /// <summary>Binds a socket to a port the system picks.</summary>
    public ClosedPort()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            // .NET's Bind sets SO_REUSEADDR on Linux (whatever the managed option says), and with it another socket
            // that has SO_REUSEADDR too (as Node's and .NET's listeners do) could still bind and listen here. Without
            // it, the kernel keeps every other socket off the port (measured: TcpListener and Python both get
            // EADDRINUSE), and outgoing connections are not given it either.
            if (OperatingSystem.IsLinux())
            {
                _socket.SetRawSocketOption(LinuxSolSocket, LinuxSoReuseAddr, BitConverter.GetBytes(0));
            }
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    /// <summary>The held port.</summary>
    public int Port { get; }

    /// <summary>Starts listening on the held port; the returned socket accepts connections until this object is disposed.</summary>
    public Socket Listen()
    {
        _socket.Listen();
        return _socket;
    }

    /// <summary>Releases the port.</summary>
    public void Dispose() => _socket.Dispose();
}
