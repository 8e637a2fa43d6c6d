using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Tributary.Client;
using Tributary.Client.Retries;
using Tributary.Handlers;
using Tributary.Options;

// In Tributary.Hosting, beside AddResultHandler and AddResultHandlerCatalog, so that one using gives an application
// every Add… it needs (the folder is the SDK's Hosting/; the namespace is the one the contracts' extensions use).
namespace Tributary.Hosting;

/// <summary>Registers the Tributary client (an Orleans client and <see cref="ITributaryClient"/>) in an application.</summary>
public static class TributaryClientServiceCollectionExtensions
{
    /// <summary>The cluster and service id a Tributary silo uses unless configured, and so the client's default too.</summary>
    public const string DefaultClusterId = "tributary";

    /// <summary>
    /// Adds an Orleans client configured from <paramref name="configuration"/> the way Orleans reads it, the handler
    /// catalog (the built-in <c>json</c> and <c>local</c> kinds, plus any registered with <c>AddResultHandler</c>) and
    /// <see cref="ITributaryClient"/> (also as <see cref="TributaryClient"/>), all singletons. The host starts and stops
    /// the Orleans client.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Clustering is Orleans' own configuration-based provider selection, under <c>Orleans:</c>:
    /// <c>Orleans:Clustering:ProviderType</c> = <c>Static</c> with <c>Orleans:Clustering:Gateways:0</c> =
    /// <c>10.0.0.4:30000</c> (then <c>:1</c>, ...) needs nothing more; <c>AzureTableStorage</c> with
    /// <c>Orleans:Clustering:ConnectionString</c> needs the <c>Microsoft.Orleans.Clustering.AzureStorage</c> package in the
    /// application (the SDK does not bring it). Or configure the Orleans client in code with
    /// <paramref name="configureOrleans"/> (e.g. <c>client =&gt; client.UseStaticClustering(endpoint)</c>).
    /// </para>
    /// <para>
    /// The client never hangs on a cluster it cannot reach: connecting fails after
    /// <see cref="TributaryClientOptions.ConnectTimeout"/> (10 s, <c>Tributary:Client:ConnectTimeout</c>) with a
    /// <see cref="ClusterUnreachableException"/> naming the cluster, and each call waits at most
    /// <see cref="TributaryClientOptions.ResponseTimeout"/> (10 s, <c>Tributary:Client:ResponseTimeout</c>; Orleans' own
    /// default is 30 s) for its answer. Calls that can be made twice are tried again on transient faults (a gateway or
    /// silo that went away) for <see cref="TributaryClientOptions.RetryFor"/> (30 s, <c>Tributary:Client:RetryFor</c>), on
    /// another gateway when one died. A connection retry filter or messaging options set in
    /// <paramref name="configureOrleans"/> take precedence.
    /// </para>
    /// <para>
    /// <c>Orleans:ClusterId</c> and <c>Orleans:ServiceId</c> default to <see cref="DefaultClusterId"/>, as a Tributary
    /// silo's do (Orleans' own default, <c>default</c>, would not find it). To read results stored by a handler that needs
    /// a cloud SDK, register it too (e.g. <c>services.AddAzureBlobResultHandler(...)</c> from <c>Tributary.Handlers.AzureBlob</c>).
    /// For a cluster that uses TLS, add the <c>Tributary.Tls</c> package and call <c>client.UseTributaryTls(configuration)</c>
    /// in <paramref name="configureOrleans"/>: with <c>Tributary:Client:Tls</c> set and TLS not on, this method throws.
    /// Do not call this in a process that hosts a silo (<c>UseOrleans</c>), which has a client already: Orleans refuses both.
    /// </para>
    /// </remarks>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The application's configuration (the <c>Orleans</c> section is read).</param>
    /// <param name="configureOrleans">Configures the Orleans client further, after the configuration; <see langword="null"/> for nothing.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentException"><c>Tributary:Client:Tls</c> is set, but <paramref name="configureOrleans"/> did not turn TLS on.</exception>
    public static IServiceCollection AddTributaryClient(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IClientBuilder>? configureOrleans = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // Registered before the Orleans client binds the Orleans section, so configured ids (and configureOrleans) win.
        services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = DefaultClusterId;
            options.ServiceId = DefaultClusterId;
        });
        services.AddOptions<TributaryClientOptions>()
            .Bind(configuration.GetSection(TributaryClientOptions.SectionName))
            .Validate(options => options.ConnectTimeout > TimeSpan.Zero, $"{TributaryClientOptions.SectionName}:{nameof(TributaryClientOptions.ConnectTimeout)} must be positive.")
            .Validate(options => options.RetryFor >= TimeSpan.Zero, $"{TributaryClientOptions.SectionName}:{nameof(TributaryClientOptions.RetryFor)} cannot be negative (00:00:00 turns the retries off).")
            .Validate(
                options => options.ResponseTimeout > TimeSpan.FromSeconds(5),
                $"{TributaryClientOptions.SectionName}:{nameof(TributaryClientOptions.ResponseTimeout)} must be longer than 5 s, the longest the cluster holds a wait call.")
            .ValidateOnStart();
        // Before the Orleans client's own registrations, so that configureOrleans can set another value.
        services.AddOptions<ClientMessagingOptions>()
            .Configure<IOptions<TributaryClientOptions>>((messaging, tributary) => messaging.ResponseTimeout = tributary.Value.ResponseTimeout);
        services.AddOrleansClient(configuration, client =>
        {
            // Registered first: a filter of the application's own, added in configureOrleans, replaces it.
            client.UseConnectionRetryFilter<GatewayConnectionRetryFilter>();
            configureOrleans?.Invoke(client);
        });
        ClientTlsRequirement.EnsureApplied(services, configuration);
        // Tells the client's calls when a gateway connection drops, so that a call in flight through it is tried again at
        // once rather than after its response timeout (see TributaryClientOptions.RetryFor).
        services.TryAddSingleton<GatewayConnectionWatch>();
        services.AddSingleton<IClusterConnectionStatusObserver>(provider => provider.GetRequiredService<GatewayConnectionWatch>());
        services.AddResultHandlerCatalog();
        services.TryAddSingleton(provider => new TributaryClient(
            provider.GetRequiredService<IClusterClient>(), provider.GetRequiredService<IResultHandlerCatalog>()));
        services.TryAddSingleton<ITributaryClient>(provider => provider.GetRequiredService<TributaryClient>());
        return services;
    }

    /// <summary>
    /// Adds the Tributary client with the Orleans client configured in code only (no configuration is read); see
    /// <see cref="AddTributaryClient(IServiceCollection, IConfiguration, Action{IClientBuilder}?)"/>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configureOrleans">Configures the Orleans client: clustering at least (e.g. <c>UseStaticClustering</c>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTributaryClient(this IServiceCollection services, Action<IClientBuilder> configureOrleans)
    {
        ArgumentNullException.ThrowIfNull(configureOrleans);
        return services.AddTributaryClient(new ConfigurationBuilder().Build(), configureOrleans);
    }
}
