using Azure.Storage.Blobs;

namespace Tributary.Handlers.AzureBlob.Options;

/// <summary>
/// The host's side of the Azure Blob handler: how to reach the storage account. Secrets live here, in the host's
/// configuration, and never in a descriptor or a safe value.
/// </summary>
public sealed class AzureBlobResultHandlerOptions
{
    /// <summary>The configuration section these options bind from by default.</summary>
    public const string SectionName = "Tributary:AzureBlob";

    /// <summary>
    /// The storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite on its default ports). Required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// A prefix for blob names inside the container (e.g. <c>"results/"</c>); empty by default.
    /// </summary>
    public string BlobPrefix { get; set; } = string.Empty;

    /// <summary>Whether to create a missing container on first write. Default <see langword="true"/>.</summary>
    public bool CreateContainerIfMissing { get; set; } = true;

    /// <summary>
    /// Options of the blob client that <c>AddAzureBlobResultHandler</c> builds: retries, network timeout, service version.
    /// The Azure SDK's defaults when <see langword="null"/> (3 retries with exponential back-off, 100 s network timeout),
    /// with which a write to an unreachable account fails after several seconds. Lower them where an outage must be
    /// noticed sooner, e.g. <c>new BlobClientOptions { Retry = { MaxRetries = 1, NetworkTimeout = TimeSpan.FromSeconds(5) } }</c>.
    /// </summary>
    public BlobClientOptions? ClientOptions { get; set; }

    /// <summary>Throws when the options cannot work, naming the offending member.</summary>
    /// <exception cref="ArgumentException">A required setting is missing.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException(
                $"The Azure Blob result handler needs a connection string: set {SectionName}:{nameof(ConnectionString)}.",
                nameof(ConnectionString));
        }
    }
}
