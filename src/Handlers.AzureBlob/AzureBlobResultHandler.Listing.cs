using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs.Models;
using Tributary.Results;

namespace Tributary.Handlers.AzureBlob;

// What retention asks of the Azure Blob handler: whether a blob is still there, and the blobs under one run's prefix.
public sealed partial class AzureBlobResultHandler
{
    /// <inheritdoc />
    public async Task<bool> ExistsAsync(JsonNode? location, CancellationToken cancellationToken = default)
    {
        var text = LocationText(location);
        var exists = await ResolveBlob(text).ExistsAsync(cancellationToken).ConfigureAwait(false);
        return exists.Value;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The blobs of the container written to, named <c>{prefix}yyyy/MM/dd/flow/run/…</c>, as blob URIs without a query.
    /// The credential must allow listing (an account key, or a SAS with the <c>l</c> permission).
    /// </remarks>
    public async Task<IReadOnlyList<JsonNode>> ListRunLocationsAsync(
        string flowName, string flowRunId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var prefix = _blobPrefix + ResultKey.RunPrefix(flowName, flowRunId, day);
        var found = new List<JsonNode>();
        try
        {
            await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
            {
                found.Add(JsonValue.Create(SafeUri.WithoutQuery(_container.GetBlobClient(item.Name).Uri)));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No container: nothing was ever written there.
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            throw new InvalidOperationException(
                $"Handler {Descriptor} may not list container {ContainerUri} ({ex.ErrorCode}): give its credential the list permission " +
                "to sweep a run's results, or delete them by the locations their states name.",
                ex);
        }

        return found;
    }
}
