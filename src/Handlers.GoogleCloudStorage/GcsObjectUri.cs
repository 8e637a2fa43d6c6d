namespace Tributary.Handlers.GoogleCloudStorage;

/// <summary>A <c>gs://bucket/object-name</c> URI: the handler's safe value, with no credential and no endpoint.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Name">The object's name inside the bucket (slashes are part of the name).</param>
internal readonly record struct GcsObjectUri(string Bucket, string Name)
{
    /// <summary>Reads a location; <see langword="null"/> when it is not a <c>gs://bucket/name</c> URI.</summary>
    public static GcsObjectUri? TryParse(string location)
    {
        if (!location.StartsWith(GcsResultHandlers.UriScheme, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = location[GcsResultHandlers.UriScheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1)
        {
            return null;
        }

        var bucket = rest[..slash];
        return GcsResultHandlers.CheckBucketName(bucket) is null ? new GcsObjectUri(bucket, rest[(slash + 1)..]) : null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{GcsResultHandlers.UriScheme}{Bucket}/{Name}";
}
