using Tributary.Tests.Deploy;

namespace Tributary.Tests.Tls;

/// <summary>The TLS variables the README and deploy/kubernetes (commented) show are ones the silo reads.</summary>
public sealed class TlsDeploySettingsTests
{
    [Theory]
    [InlineData("Tributary__Cluster__Tls__CertificatePath")]
    [InlineData("Tributary__Cluster__Tls__CertificatePassword")]
    [InlineData("Tributary__Cluster__Tls__PrivateKeyPath")]
    [InlineData("Tributary__Cluster__Tls__CertificateAuthorityPath")]
    [InlineData("Tributary__Cluster__Tls__AllowedThumbprints__0")]
    [InlineData("Tributary__Cluster__Tls__AllowAnyRemoteCertificate")]
    public void IsKnown_SiloTlsVariable_Known(string variable)
    {
        Assert.True(DeployManifests.IsKnown(variable), $"{variable} is not a setting the silo reads.");
    }
}
