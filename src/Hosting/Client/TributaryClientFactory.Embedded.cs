using System.Globalization;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Tributary.Hosting;
using Tributary.Options;

namespace Tributary.Client;

// The embedded silo's ports.
//
// Decision: an embedded silo is reached only through the client in its own process; no client or silo ever connects
// to it from outside (connecting needs an Azure Storage cluster). So, unless the configuration sets them:
// - it opens no gateway at all (Orleans' GatewayPort = 0): nothing to collide, nothing exposed;
// - its silo-to-silo endpoint, which Orleans requires even for a one-silo cluster, is a free loopback port chosen at
//   start, never Orleans' default 11111, so `tributary run` and the SDK work beside any other silo or cluster on this
//   machine (e.g. deploy/local on 11111/30000).
// Orleans must know its port before it binds (it advertises it), so the port cannot be bound as port 0 and read back:
// it is chosen by the operating system, released, then bound by the silo. Another process can take it in between;
// the silo then fails to bind with "address in use", and the start is tried again with a new port.
// Ports set in the configuration are used as given and never retried: a clash there is the user's to see.
public static partial class TributaryClientFactory
{
    private const int EmbeddedStartAttempts = 5;

    /// <summary>Starts an embedded silo, choosing its silo port with <paramref name="chooseSiloPort"/> when none is configured.</summary>
    internal static async Task<TributaryClient> StartEmbeddedAsync(
        Action<TributaryBuilder> configureFlows,
        IConfiguration? configuration,
        Func<int> chooseSiloPort,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configureFlows);
        ArgumentNullException.ThrowIfNull(chooseSiloPort);
        var settings = new ConfigurationBuilder();
        if (configuration is not null)
        {
            settings.AddConfiguration(configuration);
        }

        settings.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ClusterHostingOptions.SectionName}:{nameof(ClusterHostingOptions.Mode)}"] = nameof(ClusterMode.Embedded),
        });
        var merged = settings.Build();
        var siloPortKey = $"{ClusterHostingOptions.SectionName}:{nameof(ClusterHostingOptions.SiloPort)}";
        var choosePort = merged[siloPortKey] is null;
        Action<ISiloBuilder>? noGateway = merged[$"{ClusterHostingOptions.SectionName}:{nameof(ClusterHostingOptions.GatewayPort)}"] is null
            ? silo => silo.Configure<EndpointOptions>(options => options.GatewayPort = 0)
            : null;
        for (var attempt = 1; ; attempt++)
        {
            // The chosen port goes in a layer of its own: the caller's configuration is never written to.
            var attemptSettings = choosePort
                ? new ConfigurationBuilder()
                    .AddConfiguration(merged)
                    .AddInMemoryCollection(new Dictionary<string, string?> { [siloPortKey] = chooseSiloPort().ToString(CultureInfo.InvariantCulture) })
                    .Build()
                : merged;
            try
            {
                return await StartHostAsync(configureFlows, attemptSettings, noGateway, cancellationToken);
            }
            catch (Exception ex) when (choosePort && attempt < EmbeddedStartAttempts && EmbeddedPorts.IsAddressInUse(ex))
            {
                // Another process took the chosen port before the silo bound it: choose again.
            }
        }
    }
}
