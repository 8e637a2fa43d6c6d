using System.Net;

namespace Tributary.Options;

/// <summary>
/// How a silo (or a client) finds its cluster and where state lives, bound from <c>Tributary:Cluster</c>.
/// </summary>
public sealed class ClusterHostingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tributary:Cluster";

    /// <summary>
    /// <see cref="ClusterMode.Embedded"/> (the default: one in-process silo, in-memory state) or
    /// <see cref="ClusterMode.AzureStorage"/> (membership, grain state and reminders in Azure Table storage).
    /// </summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Embedded;

    /// <summary>
    /// Runs the silo in Kubernetes (<see cref="ClusterMode.AzureStorage"/> mode only): Orleans' <c>UseKubernetesHosting</c>
    /// names the silo after its pod (<c>POD_NAME</c>, <c>POD_NAMESPACE</c>, <c>POD_IP</c>), reads <c>ORLEANS_CLUSTER_ID</c> and
    /// <c>ORLEANS_SERVICE_ID</c> when set, and deletes the pods of silos the cluster declared dead. The pod needs a service
    /// account allowed to get, list, watch and delete pods (deploy/kubernetes). Default false.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>The Azure Storage connection string for <see cref="ClusterMode.AzureStorage"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The cluster id; silos and clients of one cluster share it. Default <c>tributary</c>.</summary>
    public string ClusterId { get; set; } = "tributary";

    /// <summary>The service id; keep it stable across deployments (state is keyed by it). Default <c>tributary</c>.</summary>
    public string ServiceId { get; set; } = "tributary";

    /// <summary>The silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The client gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The IP address this silo advertises to the cluster (a host name is refused); default the loopback address. Used,
    /// and checked, in <see cref="ClusterMode.AzureStorage"/> mode only: an embedded silo listens on the loopback address.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// TLS for silo-to-silo and client-to-gateway connections (<c>Tributary:Cluster:Tls</c>), in
    /// <see cref="ClusterMode.AzureStorage"/> mode; off unless a certificate is set. Read by <c>UseTributaryTls</c>.
    /// </summary>
    public TributaryTlsOptions Tls { get; set; } = new();

    /// <summary>Throws when the options cannot work, naming the member.</summary>
    /// <exception cref="ArgumentException">A required setting is missing, out of range or (the advertised address) not an IP address.</exception>
    public void Validate()
    {
        if (Mode == ClusterMode.AzureStorage && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException($"{SectionName}:{nameof(ConnectionString)} is required when {SectionName}:{nameof(Mode)} is {Mode}.", nameof(ConnectionString));
        }

        if (Kubernetes && Mode != ClusterMode.AzureStorage)
        {
            throw new ArgumentException(
                $"{SectionName}:{nameof(Kubernetes)} needs {SectionName}:{nameof(Mode)} {ClusterMode.AzureStorage}, not {Mode}.", nameof(Kubernetes));
        }

        if (SiloPort is <= 0 or > 65535 || GatewayPort is <= 0 or > 65535)
        {
            throw new ArgumentException($"{SectionName}:{nameof(SiloPort)} and {nameof(GatewayPort)} must be TCP ports.", nameof(SiloPort));
        }

        Tls.Validate(TributaryTlsOptions.SiloSectionName);
        if (Mode == ClusterMode.AzureStorage && !IPAddress.TryParse(AdvertisedAddress, out _))
        {
            throw new ArgumentException(
                $"{SectionName}:{nameof(AdvertisedAddress)} must be an IP address (such as 10.0.0.4), not '{AdvertisedAddress}'.",
                nameof(AdvertisedAddress));
        }
    }
}
