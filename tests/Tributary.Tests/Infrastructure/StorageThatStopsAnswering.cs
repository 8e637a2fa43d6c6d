using System.Net.Sockets;
using System.Text;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// A loopback "storage" that answers the first HTTP request it gets (403, an answer all the same) and then never another:
/// connections are accepted and read, and left without a reply, as a storage account that hangs does. The silo's check
/// that its storage answers then passes, and Orleans' own start waits.
/// </summary>
public sealed class StorageThatStopsAnswering : IDisposable
{
    private readonly ClosedPort _port = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _answered;

    /// <summary>Starts listening on a loopback port of the system's choice.</summary>
    public StorageThatStopsAnswering()
    {
        var listener = _port.Listen();
        _ = AcceptAsync(listener, _stopping.Token);
    }

    /// <summary>The port it listens on.</summary>
    public int Port => _port.Port;

    /// <summary>Stops listening and drops every connection.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _port.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(Socket listener, CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var connection = await listener.AcceptAsync(stopping);
                _ = ServeAsync(connection, stopping);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // stopped
        }
    }

    private async Task ServeAsync(Socket connection, CancellationToken stopping)
    {
        using (connection)
        {
            var buffer = new byte[8192];
            var request = new StringBuilder();
            try
            {
                while (!stopping.IsCancellationRequested)
                {
                    var read = await connection.ReceiveAsync(buffer, stopping);
                    if (read == 0)
                    {
                        return;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    // The end of the first request's headers (the check is a GET: no body), answered once in all.
                    if (request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && Interlocked.Exchange(ref _answered, 1) == 0)
                    {
                        await connection.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"), stopping);
                        request.Clear();
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // stopped, or the silo went away
            }
        }
    }
}
