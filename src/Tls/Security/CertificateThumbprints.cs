using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tributary.Security;

/// <summary>Thumbprints as operators write them (SHA-1 or SHA-256, any case, with or without colons and spaces).</summary>
internal static class CertificateThumbprints
{
    /// <summary>
    /// The thumbprint in upper-case hex without separators; a line that openssl printed (<c>sha256 Fingerprint=AB:CD:...</c>)
    /// is taken after its <c>=</c>.
    /// </summary>
    /// <param name="thumbprint">A thumbprint as written in configuration.</param>
    public static string Normalize(string thumbprint) =>
        new(thumbprint[(thumbprint.LastIndexOf('=') + 1)..].Where(c => c is not (':' or ' ' or '-')).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Whether <paramref name="certificate"/> has one of the (normalized) thumbprints, SHA-1 or SHA-256.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="normalizedThumbprints">Thumbprints from <see cref="Normalize"/>.</param>
    public static bool IsAnyOf(X509Certificate2 certificate, IReadOnlySet<string> normalizedThumbprints) =>
        normalizedThumbprints.Contains(certificate.GetCertHashString(HashAlgorithmName.SHA1))
        || normalizedThumbprints.Contains(certificate.GetCertHashString(HashAlgorithmName.SHA256));
}
