using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Serialization;

namespace Tributary.Handlers.AzureBlob;

/// <summary>
/// Stores each value in its own blob of a container; the safe value is the blob's URI (no SAS, no key).
/// </summary>
/// <remarks>
/// The descriptor records the container only. Any host that registers this kind with credentials for the same
/// account reads the URI back. A read of a URI on another account, or of a missing blob, fails with an error that
/// names the URI and the handler.
/// </remarks>
public sealed class AzureBlobResultHandler : ByteStoreResultHandler
{
    private static readonly ConcurrentDictionary<string, Task> CreatedContainers = new(StringComparer.Ordinal);
    private readonly BlobContainerClient _container;
    private readonly AzureBlobResultHandlerOptions _options;

    /// <summary>Creates the handler.</summary>
    /// <param name="service">A client for the storage account, with its credentials.</param>
    /// <param name="container">The container to write to.</param>
    /// <param name="options">Prefix and container creation; defaults when <see langword="null"/>.</param>
    /// <param name="serializer">How values become bytes; System.Text.Json when <see langword="null"/>.</param>
    public AzureBlobResultHandler(
        BlobServiceClient service,
        string container,
        AzureBlobResultHandlerOptions? options = null,
        IResultSerializer? serializer = null)
        : base(serializer ?? SystemTextJsonResultSerializer.Default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        Service = service;
        _container = service.GetBlobContainerClient(container);
        _options = options ?? new AzureBlobResultHandlerOptions();
        Descriptor = ResultHandlers.AzureBlob(container);
    }

    /// <summary>The account client.</summary>
    public BlobServiceClient Service { get; }

    /// <summary>The container written to.</summary>
    public string Container => _container.Name;

    /// <inheritdoc />
    public override ResultHandlerDescriptor Descriptor { get; }

    /// <inheritdoc />
    protected override async Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_options.CreateContainerIfMissing)
        {
            await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        }

        var blob = _container.GetBlobClient($"{_options.BlobPrefix}{Guid.NewGuid():N}{Serializer.FileExtension}");
        // IfNoneMatch=* : a write never replaces an existing blob.
        await blob.UploadAsync(
                BinaryData.FromBytes(data),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken)
            .ConfigureAwait(false);
        return blob.Uri.AbsoluteUri;
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
            throw new ResultLocationNotFoundException(location, Descriptor, ex);
        }
    }

    private BlobClient ResolveBlob(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"Handler {Descriptor} was given '{location}', which is not a blob URI.", nameof(location));
        }

        var parts = new BlobUriBuilder(uri);
        var account = new BlobUriBuilder(Service.Uri);
        if (!string.Equals(uri.Host, Service.Uri.Host, StringComparison.OrdinalIgnoreCase)
            || uri.Port != Service.Uri.Port
            || !string.Equals(parts.AccountName, account.AccountName, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Handler {Descriptor} reads blobs of account {Service.Uri}, but was given '{location}' on another account.",
                nameof(location));
        }

        return Service.GetBlobContainerClient(parts.BlobContainerName).GetBlobClient(parts.BlobName);
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        var key = _container.Uri.AbsoluteUri;
        var task = CreatedContainers.GetOrAdd(key, _ => _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        try
        {
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            // Do not remember a failure (e.g. storage briefly down): the next write tries again. The failure is known
            // only once the creation has ended, so it is forgotten here rather than right after GetOrAdd.
            CreatedContainers.TryRemove(new KeyValuePair<string, Task>(key, task));
            throw;
        }
    }
}
