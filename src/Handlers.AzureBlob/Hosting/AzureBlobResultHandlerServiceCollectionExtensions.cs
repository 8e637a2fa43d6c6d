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
    /// Registers the <c>azure-blob</c> handler kind with the host's account credentials, so descriptors made by
    /// <see cref="ResultHandlers.AzureBlob"/> resolve to an <see cref="AzureBlobResultHandler"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the connection string and options.</param>
    /// <exception cref="ArgumentException">The options are invalid (checked now, not at first use).</exception>
    public static IServiceCollection AddAzureBlobResultHandler(this IServiceCollection services, Action<AzureBlobResultHandlerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new AzureBlobResultHandlerOptions();
        configure(options);
        options.Validate();
        var client = new BlobServiceClient(options.ConnectionString, options.ClientOptions);
        return services.AddResultHandler(
            ResultHandlers.AzureBlobKind,
            (provider, descriptor) => new AzureBlobResultHandler(
                client,
                descriptor.GetSetting(ResultHandlers.ContainerSetting)
                    ?? throw new ArgumentException($"Descriptor {descriptor} has no '{ResultHandlers.ContainerSetting}' setting.", nameof(descriptor)),
                options,
                provider.GetService<IResultSerializer>()));
    }
}
