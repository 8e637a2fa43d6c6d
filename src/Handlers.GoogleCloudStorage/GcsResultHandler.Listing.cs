using System.Net;
using System.Text.Json.Nodes;
using Google;
using Google.Cloud.Storage.V1;
using Tributary.Results;

namespace Tributary.Handlers.GoogleCloudStorage;

// What retention asks of the handler: whether an object is still there, and the objects under one run's key prefix.
public sealed partial class GcsResultHandler
{
    // Only the names, and the token without which the library stops after the first page.
    private const string ListedFields = "items(name),nextPageToken";

    /// <inheritdoc />
    /// <remarks>
    /// Reads the object's metadata (not its data). A missing object is <see langword="false"/>; a missing bucket or a
    /// refused request fails as a read would (<see cref="GcsRequestException"/>), so a misconfiguration never passes for
    /// results already gone.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="location"/> is not a <c>gs://bucket/object-name</c> URI.</exception>
    public async Task<bool> ExistsAsync(JsonNode? location, CancellationToken cancellationToken = default)
    {
        var target = Resolve(location is JsonValue value && value.TryGetValue<string>(out var text) ? text : location?.ToJsonString() ?? "null");
        var exists = true;
        await CallAsync(
                GcsOperation.Check,
                target,
                async () =>
                {
                    try
                    {
                        await _client.GetObjectAsync(target.Bucket, target.Name, options: null, cancellationToken).ConfigureAwait(false);
                    }
                    catch (GoogleApiException ex) when (ex.HttpStatusCode == HttpStatusCode.NotFound && !IsMissingBucket(ex))
                    {
                        exists = false;
                    }
                },
                cancellationToken)
            .ConfigureAwait(false);
        return exists;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The objects of <see cref="Bucket"/> named <c>{prefix}yyyy/MM/dd/flow/run/</c>…, every page of the listing, as
    /// <c>gs://</c> URIs exactly as the keyed writes returned them. Objects of other buckets (written by a handler
    /// described otherwise) are that handler's to list.
    /// </remarks>
    public async Task<IReadOnlyList<JsonNode>> ListRunLocationsAsync(
        string flowName, string flowRunId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var prefix = _prefix + ResultKey.RunPrefix(flowName, flowRunId, day);
        var found = new List<JsonNode>();
        await CallAsync(
                GcsOperation.List,
                new GcsObjectUri(Bucket, prefix),
                async () =>
                {
                    found.Clear(); // a listing is all or nothing
                    var objects = _client.ListObjectsAsync(Bucket, prefix, new ListObjectsOptions { Fields = ListedFields });
                    await foreach (var stored in objects.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        found.Add(JsonValue.Create(new GcsObjectUri(Bucket, stored.Name).ToString()));
                    }
                },
                cancellationToken)
            .ConfigureAwait(false);
        return found;
    }
}
