using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Handlers.Encryption;
using Tributary.Serialization;

namespace Tributary.Hosting;

/// <summary>Registers the <c>encrypted</c> result handler kind.</summary>
public static class EncryptedResultHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>encrypted</c> handler kind with the host's key ring, so descriptors made by
    /// <see cref="ResultHandlers.Encrypted"/> resolve to an <see cref="EncryptedResultHandler"/> around the handler they name
    /// (built by the same catalog, so any registered kind can be wrapped).
    /// </summary>
    /// <remarks>
    /// The key ring is validated when the host starts (<c>ValidateOnStart</c>), or, without a host, when the handler is first
    /// needed: a missing active key, a key that is not base64 or not 32 bytes fails with an
    /// <see cref="OptionsValidationException"/> naming the setting, never its value.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the key ring (e.g. <c>configuration.GetSection("Tributary:Encryption").Bind</c>).</param>
    public static IServiceCollection AddEncryptedResultHandler(this IServiceCollection services, Action<EncryptionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<EncryptionOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>());
        services.TryAddSingleton(provider => new EncryptionKeyRing(provider.GetRequiredService<IOptions<EncryptionOptions>>()));
        return services.AddResultHandler(
            EncryptedResultHandler.Kind,
            (provider, descriptor) => new EncryptedResultHandler(
                provider.GetRequiredService<IResultHandlerCatalog>().GetHandler(EncryptedDescriptor.InnerOf(descriptor)),
                provider.GetRequiredService<EncryptionKeyRing>(),
                provider.GetService<IResultSerializer>()));
    }
}
