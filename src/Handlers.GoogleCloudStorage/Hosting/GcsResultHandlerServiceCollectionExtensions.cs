using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Handlers.GoogleCloudStorage.Options;
using Tributary.Hosting;

namespace Tributary.Handlers.GoogleCloudStorage.Hosting;

/// <summary>Registers the <c>gcs</c> result handler kind.</summary>
public static class GcsResultHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>gcs</c> handler kind with the host's credentials, so descriptors made by
    /// <see cref="GcsResultHandlers.Bucket"/> (or configured as <c>Tributary:ResultHandler:Kind = gcs</c>) resolve to a
    /// <see cref="GcsResultHandler"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A descriptor names the bucket and prefix it writes to; one that names neither writes to the host's
    /// <see cref="GcsResultHandlerOptions.Bucket"/> and <see cref="GcsResultHandlerOptions.Prefix"/>. A descriptor naming
    /// another base URI than the host's fails with an <see cref="ArgumentException"/>. Neither the descriptor nor the
    /// safe values hold a credential. A descriptor's <c>format</c> and <c>codec</c> settings (e.g.
    /// <c>Tributary:ResultHandler:Settings:format = msgpack</c>) choose how its handler writes; an unknown value fails
    /// with an <see cref="ArgumentException"/> naming the setting.
    /// </para>
    /// <para>
    /// The options are validated when the host starts (<c>ValidateOnStart</c>), or, without a host, when the handler is
    /// first needed: options that cannot work fail with an <see cref="OptionsValidationException"/> naming the setting.
    /// </para>
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the bucket, the endpoint and the credential.</param>
    public static IServiceCollection AddGcsResultHandler(this IServiceCollection services, Action<GcsResultHandlerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GcsResultHandlerOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GcsResultHandlerOptions>, GcsResultHandlerOptionsValidator>());
        services.TryAddSingleton<GcsAccount>();
        return services.AddResultHandler(
            GcsResultHandlers.Kind, (provider, descriptor) => provider.GetRequiredService<GcsAccount>().CreateHandler(descriptor));
    }
}
