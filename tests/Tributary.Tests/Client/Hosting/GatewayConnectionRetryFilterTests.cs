using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Tributary.Client;
using Tributary.Hosting;
using Tributary.Options;

namespace Tributary.Tests.Client.Hosting;

/// <summary>The SDK's connection retry filter: it retries gateway errors until the connect timeout, then says which cluster.</summary>
public sealed class GatewayConnectionRetryFilterTests
{
    private static readonly ClusterOptions Cluster = new() { ClusterId = "prod-eu", ServiceId = "orders" };

    [Fact]
    public async Task ShouldRetry_GatewayErrorWithinTheTimeout_PausesThenRetries()
    {
        var time = new FakeTimeProvider();
        var filter = new GatewayConnectionRetryFilter(new TributaryClientOptions(), Cluster, time);

        var retry = filter.ShouldRetryConnectionAttempt(new SiloUnavailableException("Could not find any gateway."), CancellationToken.None);
        Assert.False(retry.IsCompleted); // the first pause: 200 ms
        time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.True(await retry.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ShouldRetry_AfterTheConnectTimeout_ThrowsNamingTheClusterAndTheFirstError()
    {
        var time = new FakeTimeProvider();
        var filter = new GatewayConnectionRetryFilter(new TributaryClientOptions { ConnectTimeout = TimeSpan.FromSeconds(3) }, Cluster, time);
        var first = filter.ShouldRetryConnectionAttempt(
            new ConnectionFailedException("Unable to connect to any of the 1 available gateways.", new ConnectionFailedException("Unable to connect to 10.0.0.4:30000. Error: ConnectionRefused")),
            CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(10)));

        var error = await Assert.ThrowsAsync<ClusterUnreachableException>(
            () => filter.ShouldRetryConnectionAttempt(new ConnectionFailedException("Unable to connect to S10.0.0.4:30000:0, will retry after 1ms"), CancellationToken.None));

        Assert.Equal("prod-eu", error.ClusterId);
        Assert.Equal(
            "Tributary cluster 'prod-eu' (service 'orders') has no gateway that answered within 3 s (Unable to connect to 10.0.0.4:30000. Error: ConnectionRefused). "
            + "Check that its silos are running, that their gateway ports are reachable from here, and that this client uses the silos' cluster id, service id and clustering storage "
            + "(and, for a cluster on TLS, a certificate in Tributary:Client:Tls that the silos trust and that trusts theirs).",
            error.Message);
    }

    [Fact]
    public async Task ShouldRetry_StorageError_ThrowsAtOnceNamingTheStorageEndpoint()
    {
        var filter = new GatewayConnectionRetryFilter(new TributaryClientOptions(), Cluster, new FakeTimeProvider());
        var storage = new AggregateException("Retry failed after 4 tries.", new InvalidOperationException("Connection refused (127.0.0.1:10002)", new System.Net.Sockets.SocketException(111)));

        var error = await Assert.ThrowsAsync<ClusterUnreachableException>(() => filter.ShouldRetryConnectionAttempt(storage, CancellationToken.None));

        Assert.StartsWith(
            "The membership of Tributary cluster 'prod-eu' could not be read from its clustering storage: Connection refused (127.0.0.1:10002). ",
            error.Message);
    }
}
