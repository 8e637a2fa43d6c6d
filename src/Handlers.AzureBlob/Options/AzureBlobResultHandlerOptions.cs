using Azure.Storage.Blobs;

namespace Tributary.Handlers.AzureBlob.Options;

/// <summary>
/// The host's side of the Azure Blob handler: how to reach the storage account. Secrets live here, in the host's
/// configuration, and never in a descriptor or a safe value.
/// </summary>
/// <remarks>
/// Three credential forms are supported; set exactly one of <see cref="ConnectionString"/> and <see cref="ContainerUri"/>:
/// <list type="bullet">
/// <item>an account-key connection string (<c>DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...</c>, or
/// <c>UseDevelopmentStorage=true</c> for Azurite on its default ports);</item>
/// <item>a SAS connection string (<c>BlobEndpoint=https://account.blob.core.windows.net;SharedAccessSignature=sv=...&amp;sig=...</c>);</item>
/// <item>a SAS container URI in <see cref="ContainerUri"/> (<c>https://account.blob.core.windows.net/results?sv=...&amp;sig=...</c>),
/// which gives the host one container only.</item>
/// </list>
/// Whichever form wrote a value, its safe value is the blob's URI without a query string, and any host configured for
/// the same account (and, with <see cref="ContainerUri"/>, the same container) reads it with its own credentials.
/// <para>
/// <c>AddAzureBlobResultHandler</c> checks them when the host starts (<c>ValidateOnStart</c>), or when the handler is
/// first needed outside a host: settings that cannot work fail with an
/// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> whose message names the setting and never
/// repeats a credential.
/// </para>
/// </remarks>
public sealed class AzureBlobResultHandlerOptions
{
    /// <summary>The configuration section these options bind from by default.</summary>
    public const string SectionName = "Tributary:AzureBlob";

    /// <summary>
    /// An account-key or SAS connection string of the storage account (<c>UseDevelopmentStorage=true</c> for Azurite on
    /// its default ports). Set this or <see cref="ContainerUri"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The URI of one container with a SAS token in its query (a container SAS, <c>sr=c</c>, or an account SAS). The
    /// container comes from the URI: descriptors used on this host must name that container, and blobs of other
    /// containers are not read. Set this or <see cref="ConnectionString"/>.
    /// </summary>
    public Uri? ContainerUri { get; set; }

    /// <summary>
    /// A prefix for blob names inside the container (e.g. <c>"results/"</c>); empty by default.
    /// </summary>
    public string BlobPrefix { get; set; } = string.Empty;

    /// <summary>
    /// Whether to create a missing container on first write. When <see langword="null"/> (the default): yes with a
    /// <see cref="ConnectionString"/>, unless its SAS is a service SAS (<c>sr=</c> in the token), which cannot create
    /// containers; no with a <see cref="ContainerUri"/>, whose container must exist beforehand. Setting it to
    /// <see langword="true"/> with a service SAS is refused; with a <see cref="ContainerUri"/> holding an account SAS it works.
    /// </summary>
    public bool? CreateContainerIfMissing { get; set; }

    /// <summary>
    /// Options of the blob client that <c>AddAzureBlobResultHandler</c> builds: retries, network timeout, service version.
    /// The Azure SDK's defaults when <see langword="null"/> (3 retries with exponential back-off, 100 s network timeout),
    /// with which a write to an unreachable account fails after several seconds. Lower them where an outage must be
    /// noticed sooner, e.g. <c>new BlobClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(5) } }</c>.
    /// </summary>
    public BlobClientOptions? ClientOptions { get; set; }

    /// <summary>Whether a missing container is created on first write (see <see cref="CreateContainerIfMissing"/>).</summary>
    internal bool CreatesContainer => CreateContainerIfMissing ?? (ContainerUri is null && !HasServiceSas);

    /// <summary>Whether the credential is a service SAS (it carries <c>sr=</c>): scoped to one resource, no container creation.</summary>
    internal bool HasServiceSas => SasQuery.IsServiceSas(ContainerUri?.Query) || SasQuery.IsServiceSas(SasQuery.FromConnectionString(ConnectionString));
}
