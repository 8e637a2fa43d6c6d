using System.Text.RegularExpressions;
using Tributary.Serialization;

namespace Tributary.Handlers.GoogleCloudStorage;

/// <summary>
/// The <c>gcs</c> handler kind: its name, its descriptor settings and descriptors to set on a flow, a task or the global
/// default (<c>Tributary:ResultHandler:Kind = gcs</c> with <c>Settings:bucket</c>, <c>Settings:prefix</c>, and
/// <c>Settings:format</c>, <c>Settings:codec</c> to choose how results are written: see <see cref="ResultEncoding"/>).
/// </summary>
public static partial class GcsResultHandlers
{
    /// <summary>The kind name of the Google Cloud Storage handler (registered on a host by <c>AddGcsResultHandler</c>).</summary>
    public const string Kind = "gcs";

    /// <summary>The descriptor setting that holds the bucket written to.</summary>
    public const string BucketSetting = "bucket";

    /// <summary>The descriptor setting that holds the prefix of object names written (optional, empty by default).</summary>
    public const string PrefixSetting = "prefix";

    /// <summary>
    /// The descriptor setting that holds the JSON API's base URI, for an emulator or a private endpoint (optional: the
    /// public endpoint by default). A host resolves such a descriptor only when its own <c>Tributary:Gcs:BaseUri</c> is
    /// the same, so a descriptor can never send a host's credentials to another endpoint.
    /// </summary>
    public const string BaseUriSetting = "baseUri";

    /// <summary>The scheme of the safe values: <c>gs://bucket/object-name</c>.</summary>
    public const string UriScheme = "gs://";

    /// <summary>The descriptor of the handler writing to <paramref name="bucket"/>.</summary>
    /// <param name="bucket">The bucket (it must exist: the handler does not create buckets).</param>
    /// <param name="prefix">A prefix of object names, e.g. <c>"results/"</c>; none when <see langword="null"/> or empty.</param>
    /// <param name="baseUri">The JSON API's base URI (an emulator's, a private endpoint's); the public one when <see langword="null"/>.</param>
    /// <param name="format">
    /// The format results are written in (setting <c>format</c>); the host's serializer (JSON) when <see langword="null"/>.
    /// Any host reads every format, whatever it writes: the stored bytes say how they were written.
    /// </param>
    /// <param name="codec">The compression applied when it pays off (setting <c>codec</c>); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="bucket"/> is not a valid bucket name, or <paramref name="baseUri"/> is not an absolute http(s) URI.</exception>
    public static ResultHandlerDescriptor Bucket(
        string bucket, string? prefix = null, Uri? baseUri = null, ResultFormat? format = null, ResultCodec? codec = null)
    {
        if (CheckBucketName(bucket) is { } problem)
        {
            throw new ArgumentException($"'{bucket}' is not a valid bucket name: {problem}", nameof(bucket));
        }

        if (baseUri is not null && CheckBaseUri(baseUri) is { } uriProblem)
        {
            throw new ArgumentException($"The base URI {uriProblem}", nameof(baseUri));
        }

        var settings = new List<KeyValuePair<string, string>> { new(BucketSetting, bucket) };
        if (!string.IsNullOrEmpty(prefix))
        {
            settings.Add(new(PrefixSetting, prefix));
        }

        if (baseUri is not null)
        {
            settings.Add(new(BaseUriSetting, NormalizeBaseUri(baseUri).ToString()));
        }

        settings.AddRange(ResultEncoding.Settings(format, codec));

        return new ResultHandlerDescriptor(Kind, settings);
    }

    /// <summary>What is wrong with a bucket name (Cloud Storage's naming rules, simplified), or <see langword="null"/>.</summary>
    internal static string? CheckBucketName(string? bucket)
    {
        if (string.IsNullOrWhiteSpace(bucket))
        {
            return "it is empty.";
        }

        if (bucket.Length is < 3 or > 222)
        {
            return "a bucket name has 3 to 63 characters (222 with dots).";
        }

        return BucketName().IsMatch(bucket)
            ? null
            : "a bucket name has lowercase letters, digits, '-', '_' and '.' only, and starts and ends with a letter or digit.";
    }

    /// <summary>What is wrong with a base URI (the text follows "The base URI "), or <see langword="null"/>.</summary>
    internal static string? CheckBaseUri(Uri uri) =>
        !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            ? $"'{uri.OriginalString}' is not an absolute http(s) URI (e.g. http://127.0.0.1:9199/storage/v1/)."
            : !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo)
                ? "must have no query and no user information (credentials belong in the host's configuration)."
                : null;

    /// <summary>The base URI with a trailing slash, as the client library needs it to add paths.</summary>
    internal static Uri NormalizeBaseUri(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? new Uri(uri.AbsoluteUri) : new Uri(uri.AbsoluteUri + "/");

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketName();
}
