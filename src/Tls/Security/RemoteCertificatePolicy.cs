using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Tributary.Options;

namespace Tributary.Security;

/// <summary>
/// Decides whether the other side of a TLS connection is trusted, as <see cref="TributaryTlsOptions"/> describes: its
/// certificate is within its validity period and is this side's own, or has an allowed thumbprint, or was issued by a
/// configured authority; or any certificate is allowed.
/// </summary>
/// <remarks>
/// It replaces the platform's check (Orleans then ignores <see cref="SslPolicyErrors"/>): a silo's certificate names no
/// host that a connection to an IP address could match, and a self-signed certificate has no chain the machine trusts.
/// </remarks>
internal sealed class RemoteCertificatePolicy
{
    private readonly bool _allowAny;
    private readonly IReadOnlySet<string> _trustedThumbprints;
    private readonly X509Certificate2Collection _authorities;
    private readonly TimeProvider _time;

    /// <summary>Creates the policy.</summary>
    /// <param name="localCertificate">This side's certificate: the same certificate is trusted on the other side.</param>
    /// <param name="allowedThumbprints">Thumbprints of other trusted certificates, as configured.</param>
    /// <param name="authorities">The certificate authorities trusted as roots; empty for none.</param>
    /// <param name="allowAny">Trust any certificate (development).</param>
    /// <param name="time">The clock for the validity period.</param>
    public RemoteCertificatePolicy(
        X509Certificate2 localCertificate,
        IEnumerable<string> allowedThumbprints,
        X509Certificate2Collection authorities,
        bool allowAny,
        TimeProvider time)
    {
        _allowAny = allowAny;
        _authorities = authorities;
        _time = time;
        _trustedThumbprints = allowedThumbprints.Select(CertificateThumbprints.Normalize)
            .Append(CertificateThumbprints.Normalize(localCertificate.Thumbprint))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the remote certificate is trusted (Orleans' <c>RemoteCertificateValidator</c>).</summary>
    /// <param name="certificate">The certificate the other side presented.</param>
    /// <param name="chain">The chain the platform built (not used: authorities are checked with their own chain).</param>
    /// <param name="errors">The platform's errors (not used; see the remarks of the type).</param>
    public bool IsTrusted(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_allowAny)
        {
            return true;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return false;
        }

        return CertificateThumbprints.IsAnyOf(certificate, _trustedThumbprints) || IsIssuedByAnAuthority(certificate, now);
    }

    private bool IsIssuedByAnAuthority(X509Certificate2 certificate, DateTime now)
    {
        if (_authorities.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        // Revocation lists of a private authority are rarely published where every silo can reach them.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(certificate);
    }
}
