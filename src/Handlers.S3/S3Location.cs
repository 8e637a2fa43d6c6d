namespace Tributary.Handlers.S3;

/// <summary>An object's place, written and stored as the safe value <c>s3://bucket/key</c>.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The object key.</param>
internal readonly record struct S3Location(string Bucket, string Key)
{
    /// <summary>The URI scheme of a location, with its separator.</summary>
    public const string Scheme = "s3://";

    /// <summary>Reads a location as <see cref="ToString"/> writes it.</summary>
    /// <returns>Whether <paramref name="text"/> names a bucket and a key.</returns>
    public static bool TryParse(string text, out S3Location location)
    {
        location = default;
        if (!text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(Scheme.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1)
        {
            return false;
        }

        var bucket = rest[..slash].ToString();
        if (S3Names.BucketProblem(bucket) is not null)
        {
            return false;
        }

        location = new S3Location(bucket, rest[(slash + 1)..].ToString());
        return true;
    }

    /// <summary>The location as stored: <c>s3://bucket/key</c>.</summary>
    public override string ToString() => $"{Scheme}{Bucket}/{Key}";
}
