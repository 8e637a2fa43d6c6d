using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tributary.Tests.Tls;

/// <summary>Certificates made by the tests (ECDSA P-256: quick to make), and the files a deployment would hold.</summary>
public static class TestCertificates
{
    /// <summary>The password of the PKCS#12 files written here.</summary>
    public const string Password = "test-password";

    /// <summary>The extended key usage of a TLS server.</summary>
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>The extended key usage of a TLS client.</summary>
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>A self-signed certificate with its key, valid from an hour ago for a day unless said otherwise, usable by a silo (server and client).</summary>
    /// <param name="name">The common name.</param>
    /// <param name="notBefore">The start of its validity; an hour ago by default.</param>
    /// <param name="notAfter">The end of its validity; a day from now by default.</param>
    /// <param name="usages">Its extended key usages; server and client authentication by default.</param>
    public static X509Certificate2 SelfSigned(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string[]? usages = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = LeafRequest(name, key, usages);
        return request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddHours(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>A self-signed certificate authority with its key.</summary>
    /// <param name="name">The common name.</param>
    public static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(2));
    }

    /// <summary>A certificate issued by <paramref name="authority"/>, with its key.</summary>
    /// <param name="name">The common name.</param>
    /// <param name="authority">The issuer (with its key).</param>
    public static X509Certificate2 IssuedBy(string name, X509Certificate2 authority)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = LeafRequest(name, key);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Writes the certificate and its key as a PKCS#12 file protected by <see cref="Password"/>.</summary>
    /// <param name="certificate">The certificate, with its key.</param>
    /// <param name="path">The file to write.</param>
    public static string WritePfx(X509Certificate2 certificate, string path)
    {
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    /// <summary>Writes the certificate alone (no key) as PEM.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="path">The file to write.</param>
    public static string WritePemCertificate(X509Certificate2 certificate, string path)
    {
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>Writes the certificate's (unencrypted) private key as PEM.</summary>
    /// <param name="certificate">The certificate, with an ECDSA key.</param>
    /// <param name="path">The file to write.</param>
    public static string WritePemKey(X509Certificate2 certificate, string path)
    {
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The certificate has no ECDSA key.");
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    }

    /// <summary>The SHA-256 thumbprint, as <c>openssl x509 -fingerprint -sha256</c> prints it (colon-separated).</summary>
    /// <param name="certificate">The certificate.</param>
    public static string Sha256Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    private static CertificateRequest LeafRequest(string name, ECDsa key, string[]? usages = null)
    {
        var enhancedUsages = new OidCollection();
        foreach (var usage in usages ?? [ServerAuthentication, ClientAuthentication])
        {
            enhancedUsages.Add(new Oid(usage));
        }

        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(enhancedUsages, critical: false));
        return request;
    }
}
