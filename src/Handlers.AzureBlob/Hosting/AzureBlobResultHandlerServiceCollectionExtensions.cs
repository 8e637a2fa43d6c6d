using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Hosting;
using Tributary.Serialization;

namespace Tributary.Handlers.AzureBlob.Hosting;

/// <summary>Registers the <c>azure-blob</c> result handler kind.</summary>
public static class AzureBlobResultHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>azure-blob</c> handler kind with the host's credentials, so descriptors made by
    /// <see cref="ResultHandlers.AzureBlob"/> resolve to an <see cref="AzureBlobResultHandler"/>.
    /// </summary>
    /// <remarks>
    /// The credential is an account-key or SAS <see cref="AzureBlobResultHandlerOptions.ConnectionString"/> (the handler
    /// writes to the container its descriptor names and reads any container of the account), or a SAS
    /// <see cref="AzureBlobResultHandlerOptions.ContainerUri"/> (only descriptors naming that container resolve; another
    /// container fails with an <see cref="ArgumentException"/> naming both). Either way the descriptor and the safe values
    /// hold no credential.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the credential and options.</param>
    /// <exception cref="ArgumentException">The options are invalid (checked now, not at first use).</exception>
    public static IServiceCollection AddAzureBlobResultHandler(this IServiceCollection services, Action<AzureBlobResultHandlerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new AzureBlobResultHandlerOptions();
        configure(options);
        options.Validate();
        if (options.ContainerUri is { } containerUri)
        {
            var container = new BlobContainerClient(containerUri, options.ClientOptions);
            return services.AddResultHandler(
                ResultHandlers.AzureBlobKind,
                (provider, descriptor) =>
                {
                    var named = ContainerOf(descriptor);
                    if (!string.Equals(named, container.Name, StringComparison.Ordinal))
                    {
                        throw new ArgumentException(
                            $"Descriptor {descriptor} names container '{named}', but this host's {AzureBlobResultHandlerOptions.SectionName}:" +
                            $"{nameof(AzureBlobResultHandlerOptions.ContainerUri)} gives access to container '{container.Name}' only.",
                            nameof(descriptor));
                    }

                    return new AzureBlobResultHandler(container, options, provider.GetService<IResultSerializer>());
                });
        }

        var client = new BlobServiceClient(options.ConnectionString, options.ClientOptions);
        return services.AddResultHandler(
            ResultHandlers.AzureBlobKind,
            (provider, descriptor) => new AzureBlobResultHandler(client, ContainerOf(descriptor), options, provider.GetService<IResultSerializer>()));
    }

    private static string ContainerOf(ResultHandlerDescriptor descriptor) =>
        descriptor.GetSetting(ResultHandlers.ContainerSetting)
        ?? throw new ArgumentException($"Descriptor {descriptor} has no '{ResultHandlers.ContainerSetting}' setting.", nameof(descriptor));
}
