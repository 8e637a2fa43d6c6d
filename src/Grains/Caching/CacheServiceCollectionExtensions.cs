using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Options;

namespace Tributary.Caching;

/// <summary>Registers output caching's services on a silo (called by <c>AddTributary</c>).</summary>
internal static class CacheServiceCollectionExtensions
{
    public static IServiceCollection AddTributaryCache(this IServiceCollection services)
    {
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>());
        services.TryAddSingleton<CacheDigester>();
        services.TryAddSingleton<CacheTelemetry>();
        services.AddTransient<IConfigurationValidator, CacheDigestKeyValidator>();
        return services;
    }
}
