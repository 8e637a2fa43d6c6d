using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Tributary.Security;

namespace Tributary.Tests.Tls;

/// <summary>Which remote certificates a side of a TLS connection trusts.</summary>
public sealed class RemoteCertificatePolicyTests
{
    private static readonly X509Certificate2 Local = TestCertificates.SelfSigned("cluster");
    private static readonly X509Certificate2 Other = TestCertificates.SelfSigned("other");
    private static readonly X509Certificate2 Authority = TestCertificates.Authority("tributary-test-ca");

    [Fact]
    public void IsTrusted_ItsOwnCertificate_Trusted()
    {
        var policy = Policy();

        // The platform reports a self-signed certificate and a host name it cannot match: the policy decides alone.
        Assert.True(policy.IsTrusted(Public(Local), chain: null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public void IsTrusted_AnotherSelfSignedCertificate_Refused()
    {
        Assert.False(Policy().IsTrusted(Public(Other), chain: null, SslPolicyErrors.None));
    }

    [Fact]
    public void IsTrusted_AllowedThumbprintSha256WithColonsSha1LowerCaseOrOpensslLine_Trusted()
    {
        Assert.True(Policy(allowed: [TestCertificates.Sha256Fingerprint(Other)]).IsTrusted(Public(Other), null, SslPolicyErrors.None));
        Assert.True(Policy(allowed: [Other.Thumbprint.ToLowerInvariant()]).IsTrusted(Public(Other), null, SslPolicyErrors.None));
        // As `openssl x509 -noout -fingerprint -sha256` prints it.
        Assert.True(Policy(allowed: [$"sha256 Fingerprint={TestCertificates.Sha256Fingerprint(Other)}"]).IsTrusted(Public(Other), null, SslPolicyErrors.None));
    }

    [Fact]
    public void IsTrusted_IssuedByTheConfiguredAuthority_TrustedAndByAnotherRefused()
    {
        using var issued = TestCertificates.IssuedBy("silo-2", Authority);
        using var otherAuthority = TestCertificates.Authority("someone-else");
        using var forged = TestCertificates.IssuedBy("silo-2", otherAuthority);

        var policy = Policy(authorities: [Public(Authority)]);

        Assert.True(policy.IsTrusted(Public(issued), null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(policy.IsTrusted(Public(forged), null, SslPolicyErrors.None));
        Assert.False(policy.IsTrusted(Public(otherAuthority), null, SslPolicyErrors.None));
    }

    [Fact]
    public void IsTrusted_OwnCertificateExpired_Refused()
    {
        var time = new FakeTimeProvider(Local.NotAfter.ToUniversalTime().AddMinutes(1));

        Assert.False(Policy(time: time).IsTrusted(Public(Local), null, SslPolicyErrors.None));
    }

    [Fact]
    public void IsTrusted_AllowAny_TrustsAnUnknownCertificate()
    {
        Assert.True(Policy(allowAny: true).IsTrusted(Public(Other), null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    private static RemoteCertificatePolicy Policy(
        string[]? allowed = null, X509Certificate2[]? authorities = null, bool allowAny = false, TimeProvider? time = null) =>
        new(Local, allowed ?? [], [.. authorities ?? []], allowAny, time ?? TimeProvider.System);

    // What the other side presents: the certificate without its key.
    private static X509Certificate2 Public(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}
