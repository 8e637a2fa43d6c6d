namespace Tributary.Handlers.S3.Options;

/// <summary>
/// The host's side of the S3 handler: which endpoint and bucket, and how to sign requests. Credentials live here, in
/// the host's configuration, and never in a descriptor, a safe value or a message.
/// </summary>
/// <remarks>
/// <para>
/// Amazon S3 needs <see cref="Region"/>; any other S3-compatible store (MinIO, Ceph, R2, s3rver, ...) needs
/// <see cref="ServiceUrl"/>, usually with <see cref="ForcePathStyle"/>. Credentials are <see cref="AccessKey"/> and
/// <see cref="SecretKey"/> (with <see cref="SessionToken"/> for temporary ones), or, when both are unset, the AWS SDK's
/// default credential chain (environment variables, shared profile, web identity, instance metadata).
/// </para>
/// <para>
/// <c>AddS3ResultHandler</c> checks them when the host starts (<c>ValidateOnStart</c>), or when the handler is first
/// needed outside a host: settings that cannot work fail with an
/// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> whose message names the setting by its
/// configuration key and never repeats a credential.
/// </para>
/// </remarks>
public sealed class S3ResultHandlerOptions
{
    /// <summary>The configuration section these options bind from by default.</summary>
    public const string SectionName = "Tributary:S3";

    /// <summary>
    /// The bucket written to when a descriptor names none (<c>Tributary:ResultHandler:Kind</c> = <c>s3</c> alone).
    /// Required; it must exist (the handler never creates buckets). Setting it in configuration enables the <c>s3</c>
    /// kind on a Tributary host.
    /// </summary>
    public string? Bucket { get; set; }

    /// <summary>
    /// A prefix for object keys (e.g. <c>"results/"</c>), used verbatim; empty by default. Letters, digits and
    /// <c>- _ . /</c> only, not starting with <c>/</c>, so that keys and <c>s3://</c> locations need no escaping.
    /// </summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>
    /// The endpoint of an S3-compatible store (e.g. <c>http://127.0.0.1:9000</c>); unset for Amazon S3, whose endpoint
    /// follows from <see cref="Region"/>. An absolute http(s) URL with no user information or query.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// The AWS region (e.g. <c>eu-west-1</c>): required for Amazon S3; with <see cref="ServiceUrl"/> it is the region
    /// requests are signed for (the SDK's choice when unset, <c>us-east-1</c> for most stores).
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// Whether to address buckets in the path (<c>http://host/bucket/key</c>) rather than in the host name
    /// (<c>http://bucket.host/key</c>). Default <see langword="false"/>; most S3-compatible stores need <see langword="true"/>.
    /// </summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>The access key ID; set it with <see cref="SecretKey"/>, or leave both unset for the SDK's default chain.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The secret access key; set it with <see cref="AccessKey"/>. Never shown in any message.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The session token of temporary credentials, with <see cref="AccessKey"/> and <see cref="SecretKey"/>; optional.</summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// How long one request may take before the SDK gives it up (and retries it); the SDK's default (100 s) when
    /// <see langword="null"/>. Lower it where an endpoint that stops answering must be noticed sooner.
    /// </summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>How many times the SDK retries a failed request itself; the SDK's default when <see langword="null"/>.</summary>
    public int? MaxErrorRetry { get; set; }

    /// <summary>Whether the host's own credentials are configured (otherwise the SDK's default chain is used).</summary>
    internal bool HasCredentials => !string.IsNullOrEmpty(AccessKey) || !string.IsNullOrEmpty(SecretKey);
}
