using System.Security.Cryptography;
using System.Text;

namespace Tributary.Tests.Infrastructure;

// Checks a bearer token: a JWT whose RS256 signature one of the trusted service-account keys verifies.
public sealed partial class GcsTestServer
{
    private bool IsSignedByTrustedKey(string? authorization)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = authorization[Bearer.Length..].Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        var signature = FromBase64Url(parts[2]);
        foreach (var key in _trustedKeys)
        {
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(key, out _);
            if (rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
