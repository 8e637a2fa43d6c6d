using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Handlers;
using Tributary.Serialization;

namespace Tributary.Hosting;

/// <summary>Registers result handler kinds and the catalog that rebuilds handlers from their descriptions.</summary>
public static class ResultHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="IResultHandlerCatalog"/> (with the built-in <c>json</c> and <c>local</c> kinds and every
    /// <see cref="ResultHandlerRegistration"/>) and the default <see cref="IResultSerializer"/>. Safe to call more than once.
    /// </summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddResultHandlerCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton<IResultSerializer>(SystemTextJsonResultSerializer.Default);
        services.TryAddSingleton<IResultHandlerCatalog>(provider =>
        {
            var catalog = new ResultHandlerCatalog(provider.GetRequiredService<IResultSerializer>());
            foreach (var registration in provider.GetServices<ResultHandlerRegistration>())
            {
                catalog.Register(registration.Kind, descriptor => registration.Factory(provider, descriptor));
            }

            return catalog;
        });
        return services;
    }

    /// <summary>Registers a handler kind (a user's own, or a cloud one) so that it takes part in the hierarchy.</summary>
    /// <param name="services">The services.</param>
    /// <param name="kind">The stable kind name stored in descriptors.</param>
    /// <param name="factory">Builds the handler from a descriptor with the host's services.</param>
    public static IServiceCollection AddResultHandler(
        this IServiceCollection services,
        string kind,
        Func<IServiceProvider, ResultHandlerDescriptor, IResultHandler> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(new ResultHandlerRegistration(kind, factory));
        return services.AddResultHandlerCatalog();
    }
}
