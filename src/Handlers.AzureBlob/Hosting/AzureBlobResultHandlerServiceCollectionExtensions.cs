using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Hosting;

namespace Tributary.Handlers.AzureBlob.Hosting;

/// <summary>Registers the <c>azure-blob</c> result handler kind.</summary>
public static class AzureBlobResultHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>azure-blob</c> handler kind with the host's credentials, so descriptors made by
    /// <see cref="ResultHandlers.AzureBlob"/> resolve to an <see cref="AzureBlobResultHandler"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The credential is an account-key or SAS <see cref="AzureBlobResultHandlerOptions.ConnectionString"/> (the handler
    /// writes to the container its descriptor names and reads any container of the account), or a SAS
    /// <see cref="AzureBlobResultHandlerOptions.ContainerUri"/> (only descriptors naming that container resolve; another
    /// container fails with an <see cref="ArgumentException"/> naming both). Either way the descriptor and the safe values
    /// hold no credential.
    /// </para>
    /// <para>
    /// The options are validated when the host starts (<c>ValidateOnStart</c>), or, without a host, when the handler is
    /// first needed: options that cannot work fail with an <see cref="OptionsValidationException"/> naming the setting.
    /// </para>
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the credential and options.</param>
    public static IServiceCollection AddAzureBlobResultHandler(this IServiceCollection services, Action<AzureBlobResultHandlerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AzureBlobResultHandlerOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureBlobResultHandlerOptions>, AzureBlobResultHandlerOptionsValidator>());
        services.TryAddSingleton<AzureBlobAccount>();
        return services.AddResultHandler(
            ResultHandlers.AzureBlobKind, (provider, descriptor) => provider.GetRequiredService<AzureBlobAccount>().CreateHandler(descriptor));
    }
}
