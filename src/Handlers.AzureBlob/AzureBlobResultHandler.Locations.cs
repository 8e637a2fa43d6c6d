using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Tributary.Handlers.AzureBlob.Options;

namespace Tributary.Handlers.AzureBlob;

// From a stored location back to a blob client with this host's credentials, and the container's creation.
public sealed partial class AzureBlobResultHandler
{
    private static readonly ConcurrentDictionary<string, Task> CreatedContainers = new(StringComparer.Ordinal);

    private BlobClient ResolveBlob(string location)
    {
        // Every message below may be stored by the engine (a failed attempt's message): name the location without its query.
        var shown = SafeUri.WithoutQuery(location);
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"Handler {Descriptor} was given '{shown}', which is not a blob URI.", nameof(location));
        }

        // The location's own query is ignored: a safe value has none, and one written before the query was dropped
        // is read with this host's credentials like any other.
        var parts = new BlobUriBuilder(uri);
        var own = _service?.Uri ?? _container.Uri;
        if (!string.Equals(uri.Host, own.Host, StringComparison.OrdinalIgnoreCase)
            || uri.Port != own.Port
            || !string.Equals(parts.AccountName, new BlobUriBuilder(own).AccountName, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Handler {Descriptor} reads blobs of account {AccountUri(own)}, but was given '{shown}' on another account.",
                nameof(location));
        }

        if (string.IsNullOrEmpty(parts.BlobContainerName) || string.IsNullOrEmpty(parts.BlobName))
        {
            throw new ArgumentException($"Handler {Descriptor} was given '{shown}', which names no blob.", nameof(location));
        }

        if (_service is not null)
        {
            return _service.GetBlobContainerClient(parts.BlobContainerName).GetBlobClient(parts.BlobName);
        }

        if (!string.Equals(parts.BlobContainerName, _container.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Handler {Descriptor} has credentials for container {ContainerUri} only ({AzureBlobResultHandlerOptions.SectionName}:" +
                $"{nameof(AzureBlobResultHandlerOptions.ContainerUri)}), but was given '{shown}' in container '{parts.BlobContainerName}'.",
                nameof(location));
        }

        return _container.GetBlobClient(parts.BlobName);
    }

    private static string AccountUri(Uri endpoint)
    {
        var parts = new BlobUriBuilder(endpoint) { BlobContainerName = null, BlobName = null, Sas = null, Query = null };
        return SafeUri.WithoutQuery(parts.ToUri());
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        var key = ContainerUri;
        var task = CreatedContainers.GetOrAdd(key, _ => _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        try
        {
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            CreatedContainers.TryRemove(new KeyValuePair<string, Task>(key, task));
            throw new InvalidOperationException(
                $"Handler {Descriptor} may not create container {ContainerUri} ({ex.ErrorCode}): its credentials cannot create containers. " +
                $"Create the container beforehand and set {AzureBlobResultHandlerOptions.SectionName}:" +
                $"{nameof(AzureBlobResultHandlerOptions.CreateContainerIfMissing)} to false.",
                ex);
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
