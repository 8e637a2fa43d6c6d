using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Options;
using Tributary.Tests.Client;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Tls;

/// <summary>
/// Two silos in this process forming one cluster over TLS (Azure Storage membership on the shared Azurite), sharing the
/// cluster certificate and trusting one client certificate by its thumbprint; and the certificates a test's clients use.
/// </summary>
public sealed class TlsClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _files = new();
    private readonly string _clusterId = $"tls-{Guid.NewGuid():N}";
    private readonly List<TributaryClient> _silos = [];
    private string _connectionString = string.Empty;

    /// <summary>The silos' certificate (self-signed, one for the whole cluster).</summary>
    public X509Certificate2 ClusterCertificate { get; } = TestCertificates.SelfSigned("tributary-cluster");

    /// <summary>A client's own certificate, whose thumbprint the silos allow.</summary>
    public X509Certificate2 ClientCertificate { get; } = TestCertificates.SelfSigned("tributary-client");

    /// <summary>A certificate the silos do not know.</summary>
    public X509Certificate2 StrangerCertificate { get; } = TestCertificates.SelfSigned("stranger");

    /// <summary>The silos' own clients, in start order.</summary>
    public IReadOnlyList<TributaryClient> Silos => _silos;

    /// <summary>The flow the silos run.</summary>
    public SumFlow Sums { get; } = new();

    /// <summary>The cluster's id (its service id too).</summary>
    public string ClusterId => _clusterId;

    /// <summary>The storage connection string of the cluster's membership (what the CLI's <c>--cluster</c> takes).</summary>
    public string ConnectionString => _connectionString;

    /// <summary>The settings a client of this cluster starts from (no TLS): the cluster, and a connect timeout of <paramref name="connectTimeout"/>.</summary>
    /// <param name="connectTimeout">The client's connect timeout.</param>
    /// <param name="tls">The client's <c>Tributary:Client:Tls</c> settings, by key below the section.</param>
    public IConfiguration ClientConfiguration(TimeSpan connectTimeout, IDictionary<string, string?>? tls = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tributary:Cluster:Mode"] = "AzureStorage",
            ["Tributary:Cluster:ConnectionString"] = _connectionString,
            ["Tributary:Cluster:ClusterId"] = _clusterId,
            ["Tributary:Cluster:ServiceId"] = _clusterId,
            ["Tributary:Client:ConnectTimeout"] = connectTimeout.ToString("c", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in tls ?? new Dictionary<string, string?>())
        {
            settings[$"{TributaryTlsOptions.ClientSectionName}:{key}"] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <summary>Writes a certificate as a PKCS#12 file (password <see cref="TestCertificates.Password"/>) and gives its path.</summary>
    /// <param name="certificate">The certificate.</param>
    public string Pfx(X509Certificate2 certificate) =>
        TestCertificates.WritePfx(certificate, Path.Combine(_files.Path, $"{certificate.Thumbprint}.pfx"));

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _connectionString = (await AzuriteServer.Shared).ConnectionString;
        var clusterPfx = Pfx(ClusterCertificate);
        for (var silo = 0; silo < 2; silo++)
        {
            _silos.Add(await StartSiloAsync(clusterPfx));
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        // The last started first: the first silo, still up, sees the other leave.
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.DisposeAsync();
        }

        _files.Dispose();
        ClusterCertificate.Dispose();
        ClientCertificate.Dispose();
        StrangerCertificate.Dispose();
    }

    private async Task<TributaryClient> StartSiloAsync(string clusterPfx)
    {
        // Ports held (bound, not listening) until just before the silo binds them; should another process take one in
        // that gap, the start fails and is tried again with new ports.
        for (var attempt = 1; ; attempt++)
        {
            int siloPort, gatewayPort;
            using (var heldSilo = new ClosedPort())
            using (var heldGateway = new ClosedPort())
            {
                (siloPort, gatewayPort) = (heldSilo.Port, heldGateway.Port);
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Tributary:Cluster:Mode"] = "AzureStorage",
                ["Tributary:Cluster:ConnectionString"] = _connectionString,
                ["Tributary:Cluster:ClusterId"] = _clusterId,
                ["Tributary:Cluster:ServiceId"] = _clusterId,
                ["Tributary:Cluster:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
                ["Tributary:Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
                ["Tributary:Cluster:Tls:CertificatePath"] = clusterPfx,
                ["Tributary:Cluster:Tls:CertificatePassword"] = TestCertificates.Password,
                // The client's own certificate, pinned as openssl prints a SHA-256 fingerprint.
                ["Tributary:Cluster:Tls:AllowedThumbprints:0"] = TestCertificates.Sha256Fingerprint(ClientCertificate),
                ["Tributary:Cache:DigestKey"] = Caching.CacheRunTests.DigestKey,
            }).Build();
            try
            {
                return await TributaryClientFactory.StartSiloAsync(tributary => tributary.AddFlow(Sums.Define()), configuration);
            }
            catch (Exception ex) when (attempt < 3 && SocketErrors.IsAddressInUse(ex))
            {
                // taken in the gap: new ports
            }
        }
    }
}
