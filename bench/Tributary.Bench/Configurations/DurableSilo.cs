using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Hosting;

namespace Tributary.Bench.Configurations;

/// <summary>The durable configuration's silo: a member of an Azure Storage cluster on the bench's own Azurite.</summary>
public static class DurableSilo
{
    private const int Attempts = 5;

    /// <summary>Starts the silo on free loopback ports with <paramref name="settings"/> (cluster, handlers) and a client on it.</summary>
    /// <remarks>
    /// Never fixed ports: the bench runs beside other silos and clusters (CI, tests, deploy/local-cluster.sh on 11111/30000).
    /// A cluster member advertises its ports, so they are chosen before the silo binds them (by the system, then
    /// released); should another process take one in between, the silo fails with "address in use" and starts again on
    /// new ports.
    /// </remarks>
    public static async Task<TributaryClient> StartAsync(Action<TributaryBuilder> configureFlows, IReadOnlyDictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ports = ChooseFreePorts(2);
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(settings)
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Tributary:Cluster:SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
                    ["Tributary:Cluster:GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
                })
                .Build();
            try
            {
                return await TributaryClientFactory.StartSiloAsync(configureFlows, configuration);
            }
            catch (Exception ex) when (attempt < Attempts && IsAddressInUse(ex))
            {
                // Taken between the choice and the bind: choose again.
            }
        }
    }

    // Distinct ports: every listener is held until all are chosen.
    private static int[] ChooseFreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    private static bool IsAddressInUse(Exception? error) => error switch
    {
        null => false,
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsAddressInUse),
        _ => IsAddressInUse(error.InnerException),
    };
}
