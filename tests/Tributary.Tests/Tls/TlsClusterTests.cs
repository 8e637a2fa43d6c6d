using Tributary.Client;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Tls;

/// <summary>
/// A cluster of two silos on TLS: the silos join each other over mutual TLS, a client with a trusted certificate runs a
/// flow through a gateway, and a client without TLS or with a certificate the silos do not know cannot connect.
/// </summary>
public sealed class TlsClusterTests(TlsClusterFixture cluster) : IClassFixture<TlsClusterFixture>
{
    // Bounds an await that should end by itself (the connect timeout), so that a hang fails the test instead of the run.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ShortConnectTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Silos_WithTheClusterCertificate_FormOneClusterOfTwoActiveSilos()
    {
        // The second silo's start waited for its connections to the first: both active proves silo-to-silo TLS works.
        var management = cluster.Silos[0].Cluster.GetGrain<IManagementGrain>(0);

        var active = await management.GetHosts(onlyActive: true).WaitAsync(Patience);

        Assert.Equal(2, active.Count);
    }

    [Fact]
    public async Task ConnectAsync_ClientCertificateTrustedBothWays_RunsAFlowThroughTheGateway()
    {
        var configuration = cluster.ClientConfiguration(TimeSpan.FromSeconds(30), new Dictionary<string, string?>
        {
            ["CertificatePath"] = cluster.Pfx(cluster.ClientCertificate),
            ["CertificatePassword"] = TestCertificates.Password,
            ["AllowedThumbprints:0"] = cluster.ClusterCertificate.Thumbprint, // the gateways' certificate, SHA-1
        });

        await using var client = await TributaryClientFactory.ConnectAsync(configuration).WaitAsync(Patience);
        var run = client.GetFlowRunHandle(
            await client.StartFlowRunAsync(SumFlow(), new Dictionary<string, object?> { ["a"] = 20, ["b"] = 22 }));
        var final = await run.WaitAsync(Patience);

        Assert.True(final.Flow.Status == FlowRunStatus.Success, final.Flow.Message);
        Assert.Equal(42, await run.GetResultAsync(cluster.Sums.Total));
    }

    [Fact]
    public async Task ConnectAsync_WithoutTls_FailsAtTheConnectTimeoutNamingTheCluster()
    {
        var configuration = cluster.ClientConfiguration(ShortConnectTimeout);

        var error = await Assert.ThrowsAsync<ClusterUnreachableException>(() => TributaryClientFactory.ConnectAsync(configuration).WaitAsync(Patience));

        Assert.Contains("has no gateway that answered within 3 s", error.Message);
        Assert.Contains("Tributary:Client:Tls", error.Message);
    }

    [Fact]
    public async Task ConnectAsync_CertificateTheSilosDoNotKnow_FailsAtTheConnectTimeout()
    {
        var configuration = cluster.ClientConfiguration(ShortConnectTimeout, new Dictionary<string, string?>
        {
            ["CertificatePath"] = cluster.Pfx(cluster.StrangerCertificate),
            ["CertificatePassword"] = TestCertificates.Password,
            ["AllowedThumbprints:0"] = cluster.ClusterCertificate.Thumbprint,
        });

        var error = await Assert.ThrowsAsync<ClusterUnreachableException>(() => TributaryClientFactory.ConnectAsync(configuration).WaitAsync(Patience));

        Assert.Contains("has no gateway that answered within 3 s", error.Message);
    }

    [Fact]
    public async Task ConnectAsync_GatewayCertificateTheClientDoesNotTrust_FailsAtTheConnectTimeout()
    {
        // The silos trust this client, but the client pins another certificate than the gateways'.
        var configuration = cluster.ClientConfiguration(ShortConnectTimeout, new Dictionary<string, string?>
        {
            ["CertificatePath"] = cluster.Pfx(cluster.ClientCertificate),
            ["CertificatePassword"] = TestCertificates.Password,
            ["AllowedThumbprints:0"] = cluster.StrangerCertificate.Thumbprint,
        });

        var error = await Assert.ThrowsAsync<ClusterUnreachableException>(() => TributaryClientFactory.ConnectAsync(configuration).WaitAsync(Patience));

        Assert.Contains("has no gateway that answered within 3 s", error.Message);
    }

    // The CLI's --cluster path, configured from environment variables as the README shows.
    [Fact]
    public async Task Cli_TlsFromEnvironmentVariables_ConnectsAndAnswersForAnUnknownRun()
    {
        var environment = new Dictionary<string, string>
        {
            ["Tributary__Cluster__ClusterId"] = cluster.ClusterId,
            ["Tributary__Cluster__ServiceId"] = cluster.ClusterId,
            ["Tributary__Client__Tls__CertificatePath"] = cluster.Pfx(cluster.ClientCertificate),
            ["Tributary__Client__Tls__CertificatePassword"] = TestCertificates.Password,
            ["Tributary__Client__Tls__AllowedThumbprints__0"] = TestCertificates.Sha256Fingerprint(cluster.ClusterCertificate),
        };

        // A connect timeout beyond the default 10 s: on a loaded machine the process's own start takes part of it.
        var (exitCode, output) = await CliProcess.RunAsync(
            environment, "status", "no-such-run", "--cluster", cluster.ConnectionString, "--connect-timeout", "60");

        // Not found is the cluster's answer: the CLI connected through a gateway over TLS.
        Assert.True(exitCode == 3, $"Exit code {exitCode} (3: not found). Output:\n{output}");
        Assert.Contains("There is no flow run 'no-such-run'.", output);
    }

    [Fact]
    public async Task Cli_MissingCertificateFile_ExitsWithOneErrorLineNamingTheSetting()
    {
        var environment = new Dictionary<string, string>
        {
            ["Tributary__Cluster__ClusterId"] = cluster.ClusterId,
            ["Tributary__Client__Tls__CertificatePath"] = "no-such-client.pfx",
        };

        var (exitCode, output) = await CliProcess.RunAsync(environment, "status", "no-such-run", "--cluster", cluster.ConnectionString);

        Assert.True(exitCode == 2, $"Exit code {exitCode} (2: bad input). Output:\n{output}");
        var error = Assert.Single(output.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("Tributary:Client:Tls:CertificatePath 'no-such-client.pfx' is not a file.", error);
    }

    private static string SumFlow() => Tests.Client.SumFlow.Name;
}
