using System.Security.Cryptography;
using System.Text;

namespace Tributary.Web.Authentication;

/// <summary>Compares a given key with the configured one.</summary>
internal static class ApiKeys
{
    /// <summary>
    /// Whether <paramref name="given"/> is <paramref name="expected"/>, compared through their hashes in constant time, so
    /// neither the key's length nor its prefix leaks through timing. An empty expected key matches nothing.
    /// </summary>
    public static bool Match(string given, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
