using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Hosting;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// A cluster of its own for a test that kills a gateway: two silos in this process, each a host of its own listening on
/// real loopback TCP ports (silo and gateway), with Azure Storage membership, state and reminders on the shared Azurite
/// under a fresh cluster id, and the membership tuned as every Tributary cluster is (a dead silo is evicted in seconds).
/// Clients connect as an application does, through the gateways the membership table lists.
/// </summary>
public sealed class GatewayPairCluster : IAsyncDisposable
{
    private readonly TempDirectory _results = new();
    private readonly List<IHost> _silos = [];
    private readonly List<TributaryClient> _clients = [];

    private GatewayPairCluster(string clusterId, string connectionString)
    {
        ClusterId = clusterId;
        ConnectionString = connectionString;
    }

    /// <summary>The cluster's id (and service id).</summary>
    public string ClusterId { get; }

    /// <summary>The Azurite account the cluster keeps its membership and state in.</summary>
    public string ConnectionString { get; }

    /// <summary>The silos still running, in the order they started.</summary>
    public IReadOnlyList<IHost> Silos => _silos;

    /// <summary>Starts two silos registering <paramref name="flows"/>, one after the other, each active when this returns.</summary>
    public static async Task<GatewayPairCluster> StartAsync(IReadOnlyList<FlowDefinition> flows)
    {
        var cluster = new GatewayPairCluster($"failover-{Guid.NewGuid():N}", (await AzuriteServer.Shared).ConnectionString);
        try
        {
            await cluster.StartSiloAsync(flows);
            await cluster.StartSiloAsync(flows);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Connects a client the way <c>tributary --cluster</c> does (<see cref="TributaryClientFactory.ConnectAsync"/>), with
    /// <paramref name="clientSettings"/> (<c>Tributary:Client:*</c>) over the defaults (but a connect timeout of a
    /// minute); disposed with the cluster.
    /// </summary>
    public async Task<TributaryClient> ConnectAsync(IReadOnlyDictionary<string, string?>? clientSettings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings(siloPort: 0, gatewayPort: 0))
            // Generous on a loaded machine: the gateways are known to be up, and connecting is not what is tested.
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:Client:ConnectTimeout"] = "00:01:00" })
            .AddInMemoryCollection(clientSettings ?? new Dictionary<string, string?>())
            .Build();
        var client = await TributaryClientFactory.ConnectAsync(configuration);
        _clients.Add(client);
        return client;
    }

    /// <summary>
    /// Stops silo <paramref name="index"/> abruptly, as a crash would: Orleans' non-graceful stop (the host's stop with a
    /// cancelled token: no hand-over, no goodbye to the cluster, its gateway and silo ports closed under their connections).
    /// </summary>
    public async Task KillAsync(int index)
    {
        var silo = _silos[index];
        _silos.RemoveAt(index);
        try
        {
            await silo.StopAsync(new CancellationToken(canceled: true));
        }
        catch (Exception ex) when (ex is OperationCanceledException or OrleansException or AggregateException)
        {
            // A crash does not finish its work either.
        }
        finally
        {
            silo.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.StopAsync(new CancellationToken(canceled: true));
            silo.Dispose();
        }

        _silos.Clear();
        _results.Dispose();
    }

    private async Task StartSiloAsync(IReadOnlyList<FlowDefinition> flows)
    {
        // Ports held (bound, not listening) until just before the silo binds them; should another process take one in
        // that gap, the start fails and is tried again with new ports.
        for (var attempt = 1; ; attempt++)
        {
            int siloPort, gatewayPort;
            using (var heldSilo = new ClosedPort())
            using (var heldGateway = new ClosedPort())
            {
                (siloPort, gatewayPort) = (heldSilo.Port, heldGateway.Port);
            }

            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(Settings(siloPort, gatewayPort));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleans(silo => silo
                .UseTributaryHosting(builder.Configuration)
                .AddTributary(tributary =>
                {
                    foreach (var flow in flows)
                    {
                        tributary.AddFlow(flow);
                    }
                }));
            var host = builder.Build();
            try
            {
                await host.StartAsync();
                _silos.Add(host);
                return;
            }
            catch (Exception ex) when (attempt < 3 && SocketErrors.IsAddressInUse(ex))
            {
                host.Dispose();
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }
    }

    private Dictionary<string, string?> Settings(int siloPort, int gatewayPort)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tributary:Cluster:Mode"] = "AzureStorage",
            ["Tributary:Cluster:ConnectionString"] = ConnectionString,
            ["Tributary:Cluster:ClusterId"] = ClusterId,
            ["Tributary:Cluster:ServiceId"] = ClusterId,
            ["Tributary:ResultHandler:Kind"] = global::Tributary.Handlers.LocalResultHandler.Kind,
            ["Tributary:ResultHandler:Settings:directory"] = _results.Path,
            ["Tributary:ProgressCheckInterval"] = "00:00:01",
        };
        if (siloPort > 0)
        {
            settings["Tributary:Cluster:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
            settings["Tributary:Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
