using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Serialization;

namespace Tributary.Handlers.AzureBlob.Hosting;

/// <summary>
/// The host's Azure Blob clients, made once from the validated <see cref="AzureBlobResultHandlerOptions"/> (the Azure
/// SDK's clients are meant to be shared), and the handlers made from them for each descriptor.
/// </summary>
internal sealed class AzureBlobAccount
{
    private readonly AzureBlobResultHandlerOptions _options;
    private readonly BlobContainerClient? _container;
    private readonly BlobServiceClient? _service;
    private readonly IResultSerializer? _serializer;

    /// <exception cref="OptionsValidationException">The options cannot work; the message names the setting.</exception>
    public AzureBlobAccount(IOptions<AzureBlobResultHandlerOptions> options, IResultSerializer? serializer = null)
    {
        _options = options.Value;
        _serializer = serializer;
        if (_options.ContainerUri is { } containerUri)
        {
            _container = new BlobContainerClient(containerUri, _options.ClientOptions);
        }
        else
        {
            _service = new BlobServiceClient(_options.ConnectionString, _options.ClientOptions);
        }
    }

    /// <summary>The handler of a descriptor, which names the container and may choose a format and a codec.</summary>
    /// <exception cref="ArgumentException">
    /// The descriptor names no container, (with a container URI) another container than the host's, or a format or
    /// codec that does not exist.
    /// </exception>
    public AzureBlobResultHandler CreateHandler(ResultHandlerDescriptor descriptor)
    {
        var named = descriptor.GetSetting(ResultHandlers.ContainerSetting)
            ?? throw new ArgumentException($"Descriptor {descriptor} has no '{ResultHandlers.ContainerSetting}' setting.", nameof(descriptor));
        var format = ResultEncoding.FormatOf(descriptor);
        var codec = ResultEncoding.CodecOf(descriptor);
        if (_container is null)
        {
            return new AzureBlobResultHandler(_service!, named, _options, _serializer, format, codec);
        }

        if (!string.Equals(named, _container.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Descriptor {descriptor} names container '{named}', but this host's {AzureBlobResultHandlerOptions.SectionName}:" +
                $"{nameof(AzureBlobResultHandlerOptions.ContainerUri)} gives access to container '{_container.Name}' only.",
                nameof(descriptor));
        }

        return new AzureBlobResultHandler(_container, _options, _serializer, format, codec);
    }
}
