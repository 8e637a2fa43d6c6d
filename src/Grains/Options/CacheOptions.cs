namespace Tributary.Options;

/// <summary>Output caching settings, bound from the <c>Tributary:Cache</c> configuration section.</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tributary:Cache";

    /// <summary>The smallest digest key accepted, in bytes (that of the HMAC-SHA256 output).</summary>
    public const int MinDigestKeyBytes = 32;

    /// <summary>
    /// How many entries one cache key keeps; adding one more drops the oldest. Default 10. The bound keeps a key's state
    /// small (Azure Table caps an entity at about 1 MB): an entry is a safe value, a few digests and names.
    /// </summary>
    public int MaxEntriesPerKey { get; set; } = 10;

    /// <summary>
    /// The key of the HMAC-SHA256 that digests inputs and parameters for the validators that compare them, base64
    /// (at least <see cref="MinDigestKeyBytes"/> bytes). Keyed, so that a low-entropy value (a customer id, a flag) cannot
    /// be recovered from the store by hashing guesses. Every silo of a cluster must have the same key, kept as a secret
    /// (not in the store); changing it makes every digest-comparing entry invalid (a miss, never a false hit).
    /// Unset: an embedded silo (whose in-memory cache dies with it) uses a random key of its own; a cluster silo does
    /// too, but refuses to start when one of its flows has a cached task whose validator compares values (see
    /// <see cref="RequireDigestKey"/>).
    /// </summary>
    public string? DigestKey { get; set; }

    /// <summary>
    /// Whether a silo without <see cref="DigestKey"/> refuses to start when a registered flow has a cached task whose
    /// validator compares inputs or parameters. Set by the cluster hosting (Azure Storage mode): there a random per-silo
    /// key would make every such entry a miss on the other silos and after a restart. Default <see langword="false"/>.
    /// </summary>
    public bool RequireDigestKey { get; set; }

    /// <summary>
    /// How long the run that computes a key's entry holds its compute lease: meanwhile another run reaching the same key
    /// with the same compared values waits for the entry instead of computing too; after it (the computation is slow or its
    /// silo died), the waiting run computes. Default 5 minutes.
    /// </summary>
    public TimeSpan ComputeLeaseTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentException"><see cref="DigestKey"/> is not base64 or too short.</exception>
    public void Validate()
    {
        if (MaxEntriesPerKey < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEntriesPerKey), MaxEntriesPerKey, $"{SectionName}:{nameof(MaxEntriesPerKey)} must be at least 1.");
        }

        if (ComputeLeaseTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ComputeLeaseTimeout), ComputeLeaseTimeout, $"{SectionName}:{nameof(ComputeLeaseTimeout)} must be positive.");
        }

        _ = DigestKeyBytes();
    }

    /// <summary>The decoded <see cref="DigestKey"/>; <see langword="null"/> when unset.</summary>
    /// <exception cref="ArgumentException">It is not base64, or shorter than <see cref="MinDigestKeyBytes"/> bytes.</exception>
    public byte[]? DigestKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(DigestKey))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(DigestKey.Trim());
        }
        catch (FormatException)
        {
            throw new ArgumentException($"{SectionName}:{nameof(DigestKey)} must be base64 (e.g. from `openssl rand -base64 32`).", nameof(DigestKey));
        }

        return bytes.Length >= MinDigestKeyBytes
            ? bytes
            : throw new ArgumentException($"{SectionName}:{nameof(DigestKey)} must hold at least {MinDigestKeyBytes} bytes; it holds {bytes.Length}.", nameof(DigestKey));
    }
}
