using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// The port helpers the port-sensitive tests rely on: a held port refuses connections and keeps every other listener
/// off it (a .NET one and a Node one, as Azurite is), and the process-listener check sees this process's own listener.
/// </summary>
public sealed class ClosedPortTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Connect_HeldPort_IsRefused()
    {
        using var port = new ClosedPort();
        using var client = new TcpClient();

        var error = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port.Port));

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    [Fact]
    public async Task Listen_OtherListenersOnHeldPort_FailWithAddressInUse()
    {
        using var port = new ClosedPort();
        var listener = new TcpListener(IPAddress.Loopback, port.Port);

        var dotnet = Assert.Throws<SocketException>(listener.Start);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(
            $"require('net').createServer().listen({port.Port}, '127.0.0.1', () => {{ console.log('LISTENING'); process.exit(0); }})" +
            ".on('error', e => { console.log(e.code); process.exit(1); })");
        var (exitCode, output) = await ProcessRunner.RunAsync(start, ProcessTimeout, "node");

        Assert.Equal(SocketError.AddressAlreadyInUse, dotnet.SocketErrorCode);
        Assert.Equal(1, exitCode);
        Assert.Contains("EADDRINUSE", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsListening_HeldPortListenedOnThenReleased_TrueThenFalse()
    {
        var port = new ClosedPort();
        Assert.False(ProcessListeners.IsListening(port.Port));

        port.Listen();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port.Port);
        var whileListening = ProcessListeners.IsListening(port.Port);
        port.Dispose();

        Assert.True(whileListening);
        Assert.False(ProcessListeners.IsListening(port.Port));
    }
}
