using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Diagnostics;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Options;

namespace Tributary.Hosting;

/// <summary>Adds Tributary's engine to an Orleans silo.</summary>
public static class TributarySiloBuilderExtensions
{
    /// <summary>
    /// Adds the engine: the handler catalog and hierarchy, the engine options (bound from the <c>Tributary</c>
    /// configuration section) and the flows registered through <paramref name="configure"/>. The silo must also
    /// have a grain storage named <see cref="Runs.TributaryStorage.Name"/> and a reminder service.
    /// </summary>
    /// <param name="builder">The silo.</param>
    /// <param name="configure">Registers flows and handler kinds.</param>
    public static ISiloBuilder AddTributary(this ISiloBuilder builder, Action<TributaryBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        configure?.Invoke(new TributaryBuilder(builder));
        if (services.Any(d => d.ServiceType == typeof(TributaryMarker)))
        {
            return builder;
        }

        services.AddSingleton<TributaryMarker>();
        // Secret tasks (FlowBuilder.Secret) read through the secret kind, from the silo's own configuration.
        services.AddResultHandler(
            SecretResultHandler.Kind,
            (provider, descriptor) => SecretResultHandler.FromDescriptor(descriptor, provider.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        // Options are checked by their validators when first read, and at the host's start (ValidateOnStart).
        services.AddOptions<TributaryOptions>().BindConfiguration(TributaryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TributaryOptions>, TributaryOptionsValidator>());
        services.AddOptions<ResultHandlerOptions>().BindConfiguration(ResultHandlerOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ResultHandlerOptions>, ResultHandlerOptionsValidator>());
        services.TryAddSingleton<ResultHandlerResolver>();
        services.TryAddSingleton<Storage.StorageRetry>();
        services.TryAddSingleton<IFlowCatalog>(provider => new FlowCatalog(
            provider.GetServices<FlowDefinition>(),
            provider.GetRequiredService<IResultHandlerCatalog>(),
            provider.GetRequiredService<ResultHandlerResolver>()));
        // Build the catalog when the silo starts, so a bad flow or handler configuration stops it there.
        services.AddTransient<IConfigurationValidator, FlowCatalogValidator>();
        services.AddSingleton<Recovery.LocalFlowRuns>();
        services.AddSingleton<Recovery.DeadSiloRecovery>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<Recovery.DeadSiloRecovery>());
        services.AddMetrics();
        services.TryAddSingleton<TributaryTelemetry>();
        Caching.CacheServiceCollectionExtensions.AddTributaryCache(services);
        return builder;
    }

    private sealed class TributaryMarker;
}
