using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Tributary.Client;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Client;

/// <summary>
/// An embedded silo never takes a fixed port: it listens on a free loopback port and opens no gateway, starts again on
/// another port when the chosen one is taken before it binds, and uses configured ports as given.
/// </summary>
public sealed class EmbeddedPortsTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StartEmbeddedAsync_NoPortsConfigured_ListensOnChosenLoopbackPortWithoutGatewayAndRuns()
    {
        await using var client = await TributaryClientFactory.StartEmbeddedAsync(tributary => tributary.AddFlow(Flow()));

        var silo = client.Cluster.ServiceProvider.GetRequiredService<ILocalSiloDetails>();
        var endpoints = client.Cluster.ServiceProvider.GetRequiredService<IOptions<EndpointOptions>>().Value;
        var run = await client.WaitForFlowRunAsync(await client.StartFlowRunAsync("ports"), RunTimeout);

        Assert.Equal(FlowRunStatus.Success, run.Flow.Status); // the in-process client needs no gateway
        Assert.Null(silo.GatewayAddress);
        Assert.Equal(0, endpoints.GatewayPort);
        Assert.NotEqual(EndpointOptions.DEFAULT_SILO_PORT, silo.SiloAddress.Endpoint.Port);
        Assert.True(System.Net.IPAddress.IsLoopback(silo.SiloAddress.Endpoint.Address));
        Assert.True(ProcessListeners.IsListening(silo.SiloAddress.Endpoint.Port));
    }

    // Guards the bind-then-release race: a port chosen free can be taken by another process before the silo binds it.
    [Fact]
    public async Task StartEmbeddedAsync_ChosenPortTakenBeforeTheSiloBindsIt_StartsOnAnotherPort()
    {
        using var taken = new ClosedPort(); // held by "another process": nobody else can listen on it
        var chosen = new List<int>();
        int Choose()
        {
            var port = chosen.Count == 0 ? taken.Port : EmbeddedPorts.ChooseFreeLoopbackPort();
            chosen.Add(port);
            return port;
        }

        await using var client = await TributaryClientFactory.StartEmbeddedAsync(tributary => tributary.AddFlow(Flow()), null, Choose, CancellationToken.None);

        var silo = client.Cluster.ServiceProvider.GetRequiredService<ILocalSiloDetails>();
        Assert.Equal(2, chosen.Count);
        Assert.Equal(chosen[1], silo.SiloAddress.Endpoint.Port);
        Assert.False(ProcessListeners.IsListening(taken.Port));
    }

    [Fact]
    public async Task StartEmbeddedAsync_ConfiguredSiloPortTaken_FailsWithAddressInUseWithoutChoosingAnother()
    {
        using var taken = new ClosedPort();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:Cluster:SiloPort"] = taken.Port.ToString(CultureInfo.InvariantCulture) })
            .Build();
        var choices = 0;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TributaryClientFactory.StartEmbeddedAsync(
            tributary => tributary.AddFlow(Flow()), configuration, () => ++choices, CancellationToken.None));

        Assert.True(SocketErrors.IsAddressInUse(error), error.ToString());
        Assert.Equal(0, choices);
        Assert.Equal(taken.Port.ToString(CultureInfo.InvariantCulture), configuration["Tributary:Cluster:SiloPort"]);
    }

    private static FlowDefinition Flow()
    {
        var flow = new FlowBuilder("ports");
        flow.Task("one", () => 1);
        return flow.Build();
    }
}
