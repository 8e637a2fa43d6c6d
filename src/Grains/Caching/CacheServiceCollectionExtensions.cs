using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Options;

namespace Tributary.Caching;

/// <summary>Registers output caching's services on a silo (called by <c>AddTributary</c>).</summary>
internal static class CacheServiceCollectionExtensions
{
    public static IServiceCollection AddTributaryCache(this IServiceCollection services)
    {
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).Validate(Validates, "Invalid Tributary:Cache options");
        services.TryAddSingleton<CacheDigester>();
        services.AddHostedService<CacheStartupCheck>();
        return services;
    }

    private static bool Validates(CacheOptions options)
    {
        options.Validate();
        return true;
    }
}
