namespace Tributary.Handlers.Encryption;

/// <summary>
/// The host's key ring for the encrypting handler, bound from <c>Tributary:Encryption</c>: key-encryption keys (KEKs)
/// by id, and the id new writes use. Key material lives here, in the host's configuration (environment variables, user
/// secrets, a key vault configuration provider), and never in a descriptor, a safe value or a stored object.
/// </summary>
/// <remarks>
/// <para>Example (environment variables):</para>
/// <code>
/// Tributary__Encryption__Keys__2026a=BASE64_OF_32_RANDOM_BYTES
/// Tributary__Encryption__Keys__2026b=BASE64_OF_32_RANDOM_BYTES
/// Tributary__Encryption__ActiveKey=2026b
/// </code>
/// <para>
/// Rotation: add a new key, make it active (new results use it), keep the old one in the ring while results written with
/// it exist, re-encrypt them (<c>tributary reencrypt RUN</c>), then remove the old key. Checked when the host starts: a
/// missing active key, a key that is not base64, or a key that is not 32 bytes fails with an error naming the setting
/// (never its value).
/// </para>
/// </remarks>
public sealed class EncryptionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tributary:Encryption";

    /// <summary>The length of a key-encryption key in bytes (AES-256).</summary>
    public const int KeyLength = 32;

    /// <summary>The id (a key of <see cref="Keys"/>) of the key that new results are encrypted under. Required.</summary>
    public string? ActiveKey { get; set; }

    /// <summary>
    /// The key ring: key id → base64 of <see cref="KeyLength"/> random bytes (e.g. <c>openssl rand -base64 32</c>). Ids are
    /// stored beside each result, so never reuse an id for another key.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);
}
