using System.Net;
using System.Net.Sockets;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// A loopback TCP proxy in front of a service (Azurite's blob or table port) that can simulate an outage of that
/// service: <see cref="BeginOutage"/> resets every open connection and every new one until <see cref="EndOutage"/>.
/// </summary>
/// <remarks>
/// It listens from construction to disposal and never unbinds in between: its port is the one the operating system gave
/// it (port 0), read back from the socket, so nothing else can take the port and there is no bind-then-release race. A
/// connection made during an outage is accepted and reset at once, as a client sees a service whose process is down
/// behind a load balancer: "connection reset" without waiting for a timeout.
/// </remarks>
public sealed class OutageProxy : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    // Each open connection: the client's socket and, once connected, the socket to the service.
    private readonly Dictionary<Socket, Socket?> _open = [];
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;
    private bool _inOutage;
    private int _resetConnections;

    /// <summary>Starts listening on a port of the system's choice and forwarding to <paramref name="targetPort"/>.</summary>
    /// <param name="targetPort">The loopback port of the service behind the proxy.</param>
    public OutageProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(128);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptLoop = AcceptAsync(_stopping.Token);
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Whether an outage is under way.</summary>
    public bool InOutage
    {
        get
        {
            lock (_lock)
            {
                return _inOutage;
            }
        }
    }

    /// <summary>How many connections an outage has reset (open ones dropped and new ones refused), over the proxy's life.</summary>
    public int ResetConnections
    {
        get
        {
            lock (_lock)
            {
                return _resetConnections;
            }
        }
    }

    /// <summary>Begins an outage: drops every open connection, and resets every new one until <see cref="EndOutage"/>.</summary>
    public void BeginOutage()
    {
        lock (_lock)
        {
            _inOutage = true;
            DropOpenConnections();
        }
    }

    /// <summary>Ends the outage: new connections reach the service again.</summary>
    public void EndOutage()
    {
        lock (_lock)
        {
            _inOutage = false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] connections;
        lock (_lock)
        {
            DropOpenConnections();
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            lock (_lock)
            {
                if (_inOutage)
                {
                    Reset(client);
                    _resetConnections++;
                    continue;
                }

                _open.Add(client, null);
            }

            // Started outside the lock: the forwarding takes it itself.
            var forwarding = ForwardAsync(client, cancellationToken);
            lock (_lock)
            {
                _connections.RemoveAll(task => task.IsCompleted);
                _connections.Add(forwarding);
            }
        }
    }

    private async Task ForwardAsync(Socket client, CancellationToken cancellationToken)
    {
        var target = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await target.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _targetPort), cancellationToken);
            lock (_lock)
            {
                if (!_open.ContainsKey(client))
                {
                    return; // an outage dropped it while the connection to the service was being made
                }

                _open[client] = target;
            }

            using var fromClient = new NetworkStream(client, ownsSocket: false);
            using var toTarget = new NetworkStream(target, ownsSocket: false);
            // When either side closes (or an outage resets them), stop both directions.
            await Task.WhenAny(fromClient.CopyToAsync(toTarget, cancellationToken), toTarget.CopyToAsync(fromClient, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A connection torn down mid-copy is what an outage is for.
        }
        finally
        {
            lock (_lock)
            {
                _open.Remove(client);
            }

            client.Dispose();
            target.Dispose();
        }
    }

    // Under _lock.
    private void DropOpenConnections()
    {
        foreach (var (client, target) in _open)
        {
            Reset(client);
            if (target is not null)
            {
                Reset(target);
            }

            _resetConnections++;
        }

        _open.Clear();
    }

    /// <summary>Closes a socket with a TCP reset (no graceful FIN), as a dead peer's host answers.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
