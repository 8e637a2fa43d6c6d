using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Options;
using Tributary.Serialization;

namespace Tributary.Caching;

/// <summary>
/// Keyed digests of task inputs and run parameters for cache validators: HMAC-SHA256 (key <c>Tributary:Cache:DigestKey</c>)
/// of a value's canonical JSON (its System.Text.Json form, see <see cref="CanonicalJson"/>), base64. Equal values give
/// equal digests; without the key a digest tells nothing of its value, however few values it could be.
/// </summary>
internal sealed partial class CacheDigester
{
    private readonly byte[] _key;

    public CacheDigester(IOptions<CacheOptions> options, ILogger<CacheDigester> logger)
    {
        var configured = options.Value.DigestKeyBytes();
        KeyIsRandom = configured is null;
        _key = configured ?? RandomNumberGenerator.GetBytes(CacheOptions.MinDigestKeyBytes);
        if (KeyIsRandom)
        {
            LogRandomKey(logger);
        }
    }

    /// <summary>Whether no key was configured and this silo digests with a random key of its own.</summary>
    public bool KeyIsRandom { get; }

    /// <summary>The digest of a value, serialized as <paramref name="type"/>.</summary>
    public string OfValue(object? value, Type type) =>
        OfJson(SystemTextJsonResultSerializer.Default.Serialize(value, value?.GetType() ?? type));

    /// <summary>The digest of a JSON value (a run's parameter as stored).</summary>
    public string OfJson(string json) => OfJson(Encoding.UTF8.GetBytes(json));

    /// <summary>The digest of a JSON value given as UTF-8.</summary>
    public string OfJson(ReadOnlySpan<byte> json) => Convert.ToBase64String(HMACSHA256.HashData(_key, CanonicalJson.Of(json)));

    /// <summary>
    /// One digest of what a validator compares (input and parameter digests by name), naming the compute lease that runs
    /// with the same compared values share; empty when nothing is compared.
    /// </summary>
    public static string Fingerprint(ImmutableDictionary<string, string> inputs, ImmutableDictionary<string, string> parameters)
    {
        if (inputs.IsEmpty && parameters.IsEmpty)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var (name, digest) in inputs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append("input ").Append(name.Length).Append(':').Append(name).Append('=').Append(digest).Append('\n');
        }

        foreach (var (name, digest) in parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append("parameter ").Append(name.Length).Append(':').Append(name).Append('=').Append(digest).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tributary:Cache:DigestKey is not set: cache digests use a random key of this silo's own (entries that compare inputs or parameters match only on this silo, until it stops)")]
    private static partial void LogRandomKey(ILogger logger);
}
