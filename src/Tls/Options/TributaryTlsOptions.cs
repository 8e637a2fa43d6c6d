namespace Tributary.Options;

/// <summary>
/// TLS for a cluster's connections, bound from <c>Tributary:Cluster:Tls</c> (a silo: silo to silo, and its gateway) or
/// <c>Tributary:Client:Tls</c> (a client connecting to a gateway). TLS is on when <see cref="CertificatePath"/> is set,
/// and then it is mutual: each side presents its certificate and checks the other's.
/// </summary>
/// <remarks>
/// <para>
/// A remote certificate is accepted when it is within its validity period and it is this side's own certificate (one
/// certificate shared by a cluster, the simplest deployment), or its thumbprint is in <see cref="AllowedThumbprints"/>,
/// or it was issued by a certificate in <see cref="CertificateAuthorityPath"/>. Host names are not checked: silos are
/// addressed by IP address, so a certificate's identity is the key it holds or the authority that issued it.
/// </para>
/// <para>
/// <see cref="AllowAnyRemoteCertificate"/> accepts any certificate (the traffic is still encrypted, but anyone can
/// connect): for development only.
/// </para>
/// </remarks>
public sealed class TributaryTlsOptions
{
    /// <summary>The section a silo's settings bind from.</summary>
    public const string SiloSectionName = "Tributary:Cluster:Tls";

    /// <summary>The section a client's settings bind from.</summary>
    public const string ClientSectionName = Hosting.ClientTlsRequirement.SectionName;

    /// <summary>
    /// This side's certificate, with its private key: a PKCS#12 file (<c>.pfx</c>, <c>.p12</c>), or a PEM certificate
    /// whose key is in the same file or in <see cref="PrivateKeyPath"/>. Unset, TLS is off. If the certificate lists
    /// extended key usages, they must include both server and client authentication (a silo is both).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of the PKCS#12 file, or of an encrypted PEM private key; unset for none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The PEM private key of a PEM <see cref="CertificatePath"/>, when it is not in the certificate's file.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>
    /// Accepts a remote certificate issued by one of the certificate authorities in this file (PEM, one or more
    /// certificates, or DER): they are the only roots trusted, the machine's own are not. Unset, no authority is trusted.
    /// </summary>
    public string? CertificateAuthorityPath { get; set; }

    /// <summary>
    /// Accepts remote certificates with these thumbprints: SHA-1 (40 hex digits, as Windows shows them) or SHA-256
    /// (64, as <c>openssl x509 -noout -fingerprint -sha256</c> prints them, with or without its <c>sha256 Fingerprint=</c>);
    /// case, colons and spaces do not matter.
    /// </summary>
    public List<string> AllowedThumbprints { get; set; } = [];

    /// <summary>
    /// Accepts any remote certificate, even an expired or unknown one. The traffic is still encrypted, but anyone who
    /// can reach the ports can join or connect: for development only. Default false.
    /// </summary>
    public bool AllowAnyRemoteCertificate { get; set; }

    /// <summary>Whether TLS is on: <see cref="CertificatePath"/> is set.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>Throws when a setting cannot work, naming it under <paramref name="sectionName"/>.</summary>
    /// <param name="sectionName"><see cref="SiloSectionName"/> or <see cref="ClientSectionName"/>.</param>
    /// <exception cref="ArgumentException">A TLS setting is set without <see cref="CertificatePath"/>, or a thumbprint is not one.</exception>
    public void Validate(string sectionName)
    {
        if (!IsEnabled && (CertificatePassword is not null || PrivateKeyPath is not null || CertificateAuthorityPath is not null
                || AllowedThumbprints.Count > 0 || AllowAnyRemoteCertificate))
        {
            // A half-configured TLS would silently run in plain text.
            throw new ArgumentException(
                $"{sectionName} has settings but no {nameof(CertificatePath)}: set {sectionName}:{nameof(CertificatePath)} to turn TLS on, or remove the other settings.",
                nameof(CertificatePath));
        }

        foreach (var thumbprint in AllowedThumbprints)
        {
            var normalized = Security.CertificateThumbprints.Normalize(thumbprint);
            if (normalized.Length is not (40 or 64) || !normalized.All(char.IsAsciiHexDigit))
            {
                throw new ArgumentException(
                    $"{sectionName}:{nameof(AllowedThumbprints)} entry '{thumbprint}' is not a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint.",
                    nameof(AllowedThumbprints));
            }
        }
    }
}
