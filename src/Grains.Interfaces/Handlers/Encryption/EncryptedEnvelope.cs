namespace Tributary.Handlers.Encryption;

/// <summary>
/// What the encrypting handler stores through its inner handler: a header (format, key id, the wrapped data key and the
/// nonces) and the ciphertext. It holds no plaintext and no key in the clear: the data key is wrapped by the
/// key-encryption key that <see cref="KeyId"/> names.
/// </summary>
/// <remarks>
/// The data is AES-256-GCM under a fresh random data key per result (its tag appended to <see cref="Ciphertext"/>); the
/// data key is AES-256-GCM under the key-encryption key, with the key id as associated data, so that a header whose key
/// id was changed fails to unwrap. Re-encryption rewraps the data key and leaves the ciphertext as it is.
/// </remarks>
public sealed record EncryptedEnvelope
{
    /// <summary>The format this version of Tributary writes.</summary>
    public const string CurrentFormat = "tributary-aes256gcm-v1";

    /// <summary>The envelope's format; only <see cref="CurrentFormat"/> is read.</summary>
    public required string Format { get; init; }

    /// <summary>The id of the key-encryption key that wrapped <see cref="WrappedKey"/>: authoritative for reading.</summary>
    public required string KeyId { get; init; }

    /// <summary>The nonce of the data key's wrapping (12 bytes).</summary>
    public required byte[] KeyNonce { get; init; }

    /// <summary>The data key, encrypted under the key-encryption key, with its tag (32 + 16 bytes).</summary>
    public required byte[] WrappedKey { get; init; }

    /// <summary>The nonce of the data's encryption (12 bytes).</summary>
    public required byte[] Nonce { get; init; }

    /// <summary>The serialized value encrypted under the data key, with its 16-byte tag at the end.</summary>
    public required byte[] Ciphertext { get; init; }
}
