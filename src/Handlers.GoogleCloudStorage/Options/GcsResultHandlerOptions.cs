namespace Tributary.Handlers.GoogleCloudStorage.Options;

/// <summary>
/// The host's side of the Google Cloud Storage handler: the bucket, and how to reach and authenticate to the service.
/// Credentials live here, in the host's configuration, and never in a descriptor or a safe value.
/// </summary>
/// <remarks>
/// Credentials, in this order:
/// <list type="bullet">
/// <item>a service-account key file, <see cref="CredentialsPath"/>;</item>
/// <item>no credential at all, <see cref="UnauthenticatedAccess"/>, for an emulator at <see cref="BaseUri"/> only;</item>
/// <item>otherwise Application Default Credentials (<c>GOOGLE_APPLICATION_CREDENTIALS</c>, gcloud's login, or the
/// metadata server of the machine the host runs on).</item>
/// </list>
/// <c>AddGcsResultHandler</c> checks the settings when the host starts (<c>ValidateOnStart</c>), or when the handler is
/// first needed outside a host: settings that cannot work fail with an
/// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> whose message names the setting's key.
/// </remarks>
public sealed class GcsResultHandlerOptions
{
    /// <summary>The configuration section these options bind from by default.</summary>
    public const string SectionName = "Tributary:Gcs";

    /// <summary>
    /// The bucket written to by a descriptor that names none (<c>Tributary:ResultHandler:Kind = gcs</c> alone); it must
    /// exist. Setting it is what registers the <c>gcs</c> kind on a host configured from <c>Tributary:Gcs</c>.
    /// </summary>
    public string? Bucket { get; set; }

    /// <summary>
    /// The prefix of object names written by a descriptor that names none, e.g. <c>"results/"</c>; empty by default.
    /// It is used as given: without a trailing '/', names continue it (<c>results2026/...</c>).
    /// </summary>
    public string? Prefix { get; set; }

    /// <summary>
    /// The JSON API's base URI, for an emulator or a private endpoint (e.g. <c>http://127.0.0.1:9199/storage/v1/</c>);
    /// the public endpoint when <see langword="null"/>. Descriptors naming another base URI are refused on this host.
    /// </summary>
    public Uri? BaseUri { get; set; }

    /// <summary>The path of a service-account key file (JSON). Application Default Credentials when not set.</summary>
    public string? CredentialsPath { get; set; }

    /// <summary>
    /// Send no credential at all: for an emulator, so <see cref="BaseUri"/> must be set too; never with
    /// <see cref="CredentialsPath"/>. <see langword="false"/> by default.
    /// </summary>
    public bool UnauthenticatedAccess { get; set; }

    /// <summary>
    /// The size of each request of a resumable upload, a multiple of 256 KiB (262144); the client library's default
    /// (10 MiB) when <see langword="null"/>. Values larger than one chunk are uploaded in several requests.
    /// </summary>
    public int? ChunkSize { get; set; }

    /// <summary>
    /// How long one HTTP request may take before it is abandoned; the client library's default (100 s) when
    /// <see langword="null"/>. Lower it where an unreachable endpoint must be noticed sooner.
    /// </summary>
    public TimeSpan? RequestTimeout { get; set; }
}
