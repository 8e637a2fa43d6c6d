using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs.Models;

namespace Tributary.Handlers.AzureBlob;

// Rewriting a stored blob in place (re-encryption under a new key keeps every safe value that names the blob valid).
public sealed partial class AzureBlobResultHandler
{
    /// <inheritdoc />
    /// <remarks>One upload that replaces the blob only if it exists (<c>If-Match: *</c>), so a blob deleted meanwhile is not recreated.</remarks>
    public async Task RewriteAsync(JsonNode? location, object? value, Type valueType, CancellationToken cancellationToken = default)
    {
        var text = LocationText(location);
        var blob = ResolveBlob(text);
        try
        {
            await blob.UploadAsync(
                    BinaryData.FromBytes(Serializer.Serialize(value, valueType)),
                    new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = ETag.All } },
                    cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            throw new ResultLocationNotFoundException(SafeUri.WithoutQuery(text), Descriptor, ex);
        }
    }
}
