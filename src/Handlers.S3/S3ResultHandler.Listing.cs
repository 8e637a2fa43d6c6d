using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Tributary.Results;

namespace Tributary.Handlers.S3;

// What retention asks of the S3 handler: whether an object is still there, and the objects under one run's key prefix.
public sealed partial class S3ResultHandler
{
    /// <summary>The most keys one listing request asks for: S3's own maximum, lowered by tests to make several pages.</summary>
    internal int ListPageSize { get; set; } = 1000;

    /// <inheritdoc />
    /// <remarks>
    /// A HEAD request on the object the location names, in whatever bucket it names: a missing object or bucket (404) is
    /// <see langword="false"/>; any other failure is an <see cref="S3StorageException"/>, as for a read.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="location"/> is not an <c>s3://bucket/key</c> string.</exception>
    public async Task<bool> ExistsAsync(JsonNode? location, CancellationToken cancellationToken = default)
    {
        var where = Resolve(LocationText(location));
        try
        {
            await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = where.Bucket, Key = where.Key }, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (Exception ex) when (Fault(ex, "check", where, cancellationToken) is { } fault)
        {
            throw fault;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The objects of <see cref="Bucket"/> under <c>{prefix}yyyy/MM/dd/flow/run/</c>, listed page by page (ListObjectsV2),
    /// in key order, as <c>s3://bucket/key</c> locations exactly as writes return them. A missing bucket holds nothing:
    /// the list is empty. Objects written under another bucket or prefix (by a host configured otherwise) are not listed.
    /// </remarks>
    public async Task<IReadOnlyList<JsonNode>> ListRunLocationsAsync(
        string flowName, string flowRunId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var prefix = _prefix + ResultKey.RunPrefix(flowName, flowRunId, day);
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix, MaxKeys = ListPageSize };
        var found = new List<JsonNode>();
        try
        {
            while (true)
            {
                var page = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                found.AddRange((page.S3Objects ?? []).Select(stored => (JsonNode)JsonValue.Create(new S3Location(Bucket, stored.Key).ToString())));
                if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
                {
                    return found;
                }

                request.ContinuationToken = page.NextContinuationToken;
            }
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // NoSuchBucket: nothing is stored there any more.
            return [];
        }
        catch (Exception ex) when (Fault(ex, "list", new S3Location(Bucket, prefix), cancellationToken) is { } fault)
        {
            throw fault;
        }
    }
}
