using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tributary.Security;

/// <summary>What a certificate's extended key usages allow, read the way Orleans (and RFC 5280) reads them.</summary>
internal static class CertificateUsages
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>
    /// The authentication usages mutual TLS needs that the certificate leaves out (<c>"server"</c>, <c>"client"</c>,
    /// <c>"server and client"</c>), or <see langword="null"/>. A certificate without the extension allows every usage.
    /// </summary>
    /// <param name="certificate">This side's certificate.</param>
    /// <param name="server">Whether this side accepts connections (a silo), so that server authentication is needed too.</param>
    public static string? MissingForMutualTls(X509Certificate2 certificate, bool server)
    {
        var extensions = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().ToList();
        if (extensions.Count == 0)
        {
            return null;
        }

        var allowed = extensions.SelectMany(extension => extension.EnhancedKeyUsages.Cast<Oid>()).Select(oid => oid.Value).ToHashSet();
        return (server && !allowed.Contains(ServerAuthentication), !allowed.Contains(ClientAuthentication)) switch
        {
            (true, true) => "server and client",
            (true, false) => "server",
            (false, true) => "client",
            _ => null,
        };
    }
}
