using System.Net;
using System.Net.Sockets;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// Forwards a loopback port to another loopback port, to simulate a storage service that comes back after an outage:
/// a client configured with <see cref="Port"/> gets "connection refused" until <see cref="Start"/>, then reaches the
/// target.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly ClosedPort _port = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _connections = [];
    private Task? _acceptLoop;

    /// <summary>Holds a port (bound, not listened on until <see cref="Start"/>: connections are refused, and nobody else can take it).</summary>
    public TcpForwarder(int targetPort)
    {
        _targetPort = targetPort;
    }

    /// <summary>The port clients connect to.</summary>
    public int Port => _port.Port;

    /// <summary>Starts listening on <see cref="Port"/> and forwarding each connection.</summary>
    public void Start() => _acceptLoop = AcceptAsync(_port.Listen(), _stopping.Token);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _port.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await listener.AcceptAsync(cancellationToken);
            lock (_connections)
            {
                _connections.Add(ForwardAsync(client, cancellationToken));
            }
        }
    }

    private async Task ForwardAsync(Socket client, CancellationToken cancellationToken)
    {
        using (client)
        using (var target = new TcpClient())
        {
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, _targetPort, cancellationToken);
                var from = new NetworkStream(client, ownsSocket: false);
                var to = target.GetStream();
                // When either side closes, stop both directions.
                await Task.WhenAny(from.CopyToAsync(to, cancellationToken), to.CopyToAsync(from, cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // A connection torn down mid-copy is normal for a forwarder.
            }
        }
    }
}
