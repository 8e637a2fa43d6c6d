using System.Reflection;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
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
    /// <remarks>
    /// Connecting takes at most <c>Tributary:Client:ConnectTimeout</c> (10 s by default): with no gateway listed or
    /// answering by then, or with storage that cannot be read, it fails with one <see cref="ClusterUnreachableException"/>
    /// naming the cluster. Orleans' own log entries are not written to the console (the error says what failed); set
    /// <c>Logging:LogLevel:Orleans</c> to see them.
    /// </remarks>
    /// <param name="configuration">The cluster connection and the result handlers' credentials.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <exception cref="ArgumentException">The configuration does not describe an Azure Storage cluster, or a TLS setting (<c>Tributary:Client:Tls</c>) is wrong.</exception>
    /// <exception cref="ClusterUnreachableException">No gateway answered within the connect timeout, or the membership could not be read.</exception>
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
        ConfigureLogging(builder, quietFramework: true);
        // The SDK's registration, with the clustering Tributary:Cluster describes (this package has the Azure provider).
        builder.Services.AddTributaryClient(builder.Configuration, client => client
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            })
            .UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(cluster.ConnectionString))
            .UseTributaryTls(builder.Configuration));
        builder.Services.AddConfiguredResultHandlers(configuration);
        // Signals are the caller's: the client is stopped by disposing it, never by a Ctrl-C the host caught first.
        builder.Services.AddSingleton<IHostLifetime, CallerOwnedLifetime>();
        var host = builder.Build();
        var timeout = host.Services.GetRequiredService<IOptions<TributaryClientOptions>>().Value.ConnectTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // The retry filter gives up at the timeout between attempts; WaitAsync bounds a single attempt that hangs
            // (a storage call or a gateway that does not answer), which Orleans does not cancel.
            await host.StartAsync(deadline.Token).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var lastError = (host.Services.GetService<IClientConnectionRetryFilter>() as GatewayConnectionRetryFilter)?.FirstError;
            var error = GatewayConnectionRetryFilter.NoGateway(host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value, timeout, lastError);
            // Not awaited: a start stuck in a call would hold the caller past its timeout; the host is released when it returns.
            _ = DisposeQuietlyAsync(host);
            throw error;
        }
        catch
        {
            await DisposeQuietlyAsync(host);
            throw;
        }

        return TributaryClient.FromHost(host);
    }

    /// <summary>Starts an embedded silo running the flows of an assembly.</summary>
    /// <param name="flowAssembly">The assembly whose <see cref="Flows.IFlowProvider"/>s are registered.</param>
    /// <param name="configuration">Tributary settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<TributaryClient> StartEmbeddedAsync(Assembly flowAssembly, IConfiguration? configuration = null, CancellationToken cancellationToken = default) =>
        StartEmbeddedAsync(t => t.AddFlowsFromAssembly(flowAssembly), configuration, cancellationToken);

    private static void ConfigureLogging(HostApplicationBuilder builder, bool quietFramework = false)
    {
        // Warnings and errors of Tributary itself reach the console; Orleans' own start-up chatter does not. A client
        // that only connects writes no framework entries at all (its errors are thrown, and said once by the caller);
        // those filters come before the Logging section, so that the section can turn them back on.
        if (quietFramework)
        {
            builder.Logging.AddFilter("Orleans", LogLevel.None);
            builder.Logging.AddFilter("Microsoft", LogLevel.None);
        }

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (!quietFramework)
        {
            builder.Logging.AddFilter("Orleans", LogLevel.Error);
            builder.Logging.AddFilter("Microsoft", LogLevel.Error);
        }
    }

    private static async Task DisposeQuietlyAsync(IHost host)
    {
        try
        {
            await ((IAsyncDisposable)host).DisposeAsync();
        }
        catch (Exception ex) when (ex is OrleansException or OperationCanceledException or ObjectDisposedException)
        {
            // A client that never connected may fail to stop cleanly; the error that matters was the start's.
        }
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
