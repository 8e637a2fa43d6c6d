using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Serialization;

namespace Tributary.Handlers.AzureBlob;

/// <summary>
/// Stores each value in its own blob of a container; the safe value is the blob's URI without its query string: no
/// SAS, no key, whichever credential wrote it.
/// </summary>
/// <remarks>
/// The descriptor records the container name only. A read ignores any query the location carries and uses this
/// handler's own credentials, so any host that registers this kind with credentials for the same account (or, for a
/// handler built on one container, for that container) reads the URI back, whether the writer used an account key, a
/// SAS connection string or a SAS container URI. A read of a URI on another account (or outside the one container), or
/// of a missing blob, fails with an error that names the URI (without its query) and the handler.
/// </remarks>
public sealed partial class AzureBlobResultHandler : ByteStoreResultHandler, IRewritableResultHandler, IResultLocationLister
{
    private readonly BlobContainerClient _container;
    private readonly BlobServiceClient? _service;
    private readonly string _blobPrefix;
    private readonly bool _createContainer;

    /// <summary>Creates a handler that writes to one container of an account and reads blobs of any of its containers.</summary>
    /// <param name="service">A client for the storage account, with its credentials (account key or account SAS).</param>
    /// <param name="container">The container to write to.</param>
    /// <param name="options">
    /// Prefix and container creation; defaults when <see langword="null"/>. Its credential settings are not used to
    /// connect (<paramref name="service"/>'s are), only to tell whether a service SAS forbids creating the container.
    /// </param>
    /// <param name="serializer">The host's serializer: it writes when neither format nor codec is chosen, and reads results stored without a format header; System.Text.Json when <see langword="null"/>.</param>
    /// <param name="format">The format to write (recorded in the descriptor); the serializer's when <see langword="null"/>.</param>
    /// <param name="codec">The compression to apply when it pays off (recorded in the descriptor); none when <see langword="null"/>.</param>
    public AzureBlobResultHandler(
        BlobServiceClient service,
        string container,
        AzureBlobResultHandlerOptions? options = null,
        IResultSerializer? serializer = null,
        ResultFormat? format = null,
        ResultCodec? codec = null)
        : this(ContainerOf(service, container), service, options, serializer, format, codec)
    {
    }

    /// <summary>
    /// Creates a handler that writes to, and reads blobs of, one container only: for credentials scoped to that
    /// container, such as a container SAS (<c>new BlobContainerClient(containerSasUri)</c>).
    /// </summary>
    /// <param name="container">A client for the container, with its credentials.</param>
    /// <param name="options">
    /// Prefix and container creation; defaults when <see langword="null"/>. A missing container is created only when
    /// <see cref="AzureBlobResultHandlerOptions.CreateContainerIfMissing"/> is <see langword="true"/> (a container SAS cannot create one).
    /// </param>
    /// <param name="serializer">The host's serializer: it writes when neither format nor codec is chosen, and reads results stored without a format header; System.Text.Json when <see langword="null"/>.</param>
    /// <param name="format">The format to write (recorded in the descriptor); the serializer's when <see langword="null"/>.</param>
    /// <param name="codec">The compression to apply when it pays off (recorded in the descriptor); none when <see langword="null"/>.</param>
    public AzureBlobResultHandler(
        BlobContainerClient container,
        AzureBlobResultHandlerOptions? options = null,
        IResultSerializer? serializer = null,
        ResultFormat? format = null,
        ResultCodec? codec = null)
        : this(container ?? throw new ArgumentNullException(nameof(container)), service: null, options, serializer, format, codec)
    {
    }

    private AzureBlobResultHandler(
        BlobContainerClient container,
        BlobServiceClient? service,
        AzureBlobResultHandlerOptions? options,
        IResultSerializer? serializer,
        ResultFormat? format,
        ResultCodec? codec)
        : base(ResultEncoding.Serializer(format, codec, serializer ?? SystemTextJsonResultSerializer.Default))
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container.Name, "container");
        _container = container;
        _service = service;
        _blobPrefix = options?.BlobPrefix ?? string.Empty;
        _createContainer = service is null
            ? options?.CreateContainerIfMissing == true
            : options?.CreatesContainer ?? true;
        Descriptor = ResultHandlers.AzureBlob(container.Name, format, codec);
    }

    /// <summary>The container written to.</summary>
    public string Container => _container.Name;

    /// <summary>
    /// The container's URI without its query (no SAS): where the values are written, as it may be shown or logged.
    /// </summary>
    public string ContainerUri => SafeUri.WithoutQuery(_container.Uri);

    /// <inheritdoc />
    public override ResultHandlerDescriptor Descriptor { get; }

    /// <inheritdoc />
    protected override Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        // IfNoneMatch=* : a write to a new name never replaces an existing blob.
        UploadAsync(_container.GetBlobClient($"{_blobPrefix}{Guid.NewGuid():N}{Serializer.FileExtension}"), data, ifNoneMatch: true, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// At the key's blob name, <c>{prefix}yyyy/MM/dd/flow/run/task/attempt-N[-nonce].json</c>, so an operator finds one
    /// run's results by prefix. Writing a key again replaces its blob (the same attempt's output).
    /// </remarks>
    protected override Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, Results.ResultKey key, CancellationToken cancellationToken) =>
        UploadAsync(KeyedBlob(key), data, ifNoneMatch: false, cancellationToken);

    /// <inheritdoc />
    protected override string LocationOfKey(Results.ResultKey key) => SafeUri.WithoutQuery(KeyedBlob(key).Uri);

    private BlobClient KeyedBlob(Results.ResultKey key) =>
        _container.GetBlobClient($"{_blobPrefix}{key.ToRelativePath()}{Serializer.FileExtension}");

    private async Task<string> UploadAsync(BlobClient blob, ReadOnlyMemory<byte> data, bool ifNoneMatch, CancellationToken cancellationToken)
    {
        if (_createContainer)
        {
            await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        }

        await blob.UploadAsync(
                BinaryData.FromBytes(data),
                new BlobUploadOptions { Conditions = ifNoneMatch ? new BlobRequestConditions { IfNoneMatch = ETag.All } : null },
                cancellationToken)
            .ConfigureAwait(false);
        // The client's URI carries the SAS when the credential is one; the safe value never does.
        return SafeUri.WithoutQuery(blob.Uri);
    }

    /// <inheritdoc />
    protected override Task DeleteBytesAsync(string location, CancellationToken cancellationToken) =>
        ResolveBlob(location).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <inheritdoc />
    protected override async Task<byte[]> ReadBytesAsync(string location, CancellationToken cancellationToken)
    {
        var blob = ResolveBlob(location);
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The engine stores this message: name the location without any query it may carry.
            throw new ResultLocationNotFoundException(SafeUri.WithoutQuery(location), Descriptor, ex);
        }
    }

    private static BlobContainerClient ContainerOf(BlobServiceClient service, string container)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        return service.GetBlobContainerClient(container);
    }
}
