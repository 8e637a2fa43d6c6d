using System.Reflection;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Tributary.Hosting;
using Tributary.Options;

namespace Tributary.Client;

/// <summary>
/// Creates <see cref="TributaryClient"/>s that own their host: on an embedded in-process silo, on a silo of an Azure
/// Storage cluster started in this process, or connected to a cluster as <c>Tributary:Cluster</c> describes it (the
/// command line's <c>--cluster</c>). An application that only connects uses the SDK's <c>services.AddTributaryClient</c>
/// instead, and does not need this package.
/// </summary>
public static partial class TributaryClientFactory
{
    /// <summary>
    /// Starts a silo in this process (in-memory state, no servers) that runs the given flows, and a client on it.
    /// </summary>
    /// <remarks>
    /// Unless <c>Tributary:Cluster:SiloPort</c> / <c>GatewayPort</c> are set, the silo listens on a free loopback port
    /// and opens no gateway, so it never collides with another silo or cluster on this machine; should another process
    /// take the chosen port before the silo binds it, the start is tried again with another.
    /// </remarks>
    /// <param name="configureFlows">Registers the flows, e.g. <c>t =&gt; t.AddFlowsFromAssembly(typeof(MyFlow).Assembly)</c>.</param>
    /// <param name="configuration">Tributary settings (result handler, checkpointing); <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<TributaryClient> StartEmbeddedAsync(
        Action<TributaryBuilder> configureFlows,
        IConfiguration? configuration = null,
        CancellationToken cancellationToken = default) =>
        StartEmbeddedAsync(configureFlows, configuration, EmbeddedPorts.ChooseFreeLoopbackPort, cancellationToken);

    /// <summary>
    /// Starts a silo in this process as <c>Tributary:Cluster</c> describes it (embedded, or a member of an Azure
    /// Storage cluster), running the given flows, and a client on it.
    /// </summary>
    /// <param name="configureFlows">Registers the flows (and, through its services, anything else the silo needs).</param>
    /// <param name="configuration">Cluster, handler and engine settings.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<TributaryClient> StartSiloAsync(
        Action<TributaryBuilder> configureFlows,
        IConfiguration configuration,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configureFlows);
        ArgumentNullException.ThrowIfNull(configuration);
        return await StartHostAsync(configureFlows, configuration, configureSilo: null, cancellationToken);
    }

    /// <summary>Connects to a cluster described by <c>Tributary:Cluster</c> (Azure Storage membership) in <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The cluster connection and the result handlers' credentials.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <exception cref="ArgumentException">The configuration does not describe an Azure Storage cluster.</exception>
    public static async Task<TributaryClient> ConnectAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var cluster = configuration.GetSection(ClusterHostingOptions.SectionName).Get<ClusterHostingOptions>() ?? new ClusterHostingOptions();
        cluster.Validate();
        if (cluster.Mode != ClusterMode.AzureStorage)
        {
            throw new ArgumentException(
                $"Connecting needs {ClusterHostingOptions.SectionName}:Mode = AzureStorage and a connection string; an embedded silo lives inside one process.",
                nameof(configuration));
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        ConfigureLogging(builder);
        // The SDK's registration, with the clustering Tributary:Cluster describes (this package has the Azure provider).
        builder.Services.AddTributaryClient(builder.Configuration, client => client
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            })
            .UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(cluster.ConnectionString)));
        builder.Services.AddConfiguredResultHandlers(configuration);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return TributaryClient.FromHost(host);
    }

    /// <summary>Starts an embedded silo running the flows of an assembly.</summary>
    /// <param name="flowAssembly">The assembly whose <see cref="Flows.IFlowProvider"/>s are registered.</param>
    /// <param name="configuration">Tributary settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<TributaryClient> StartEmbeddedAsync(Assembly flowAssembly, IConfiguration? configuration = null, CancellationToken cancellationToken = default) =>
        StartEmbeddedAsync(t => t.AddFlowsFromAssembly(flowAssembly), configuration, cancellationToken);

    private static void ConfigureLogging(HostApplicationBuilder builder)
    {
        // Warnings and errors of Tributary itself reach the console; Orleans' own start-up chatter does not.
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft", LogLevel.Error);
    }

    private static async Task<TributaryClient> StartHostAsync(
        Action<TributaryBuilder> configureFlows,
        IConfiguration configuration,
        Action<ISiloBuilder>? configureSilo,
        CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        ConfigureLogging(builder);
        builder.UseOrleans(silo =>
        {
            silo.UseTributaryHosting(builder.Configuration).AddTributary(configureFlows);
            configureSilo?.Invoke(silo);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            // A host that did not start is not handed to anyone: release what it holds (listeners, timers) now.
            await ((IAsyncDisposable)host).DisposeAsync();
            throw;
        }

        return TributaryClient.FromHost(host);
    }
}
