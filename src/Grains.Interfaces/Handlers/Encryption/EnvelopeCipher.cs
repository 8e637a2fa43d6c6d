using System.Security.Cryptography;
using System.Text;

namespace Tributary.Handlers.Encryption;

/// <summary>AES-256-GCM for the envelope: seals data under a fresh data key, wraps and unwraps that key with a key-encryption key.</summary>
internal static class EnvelopeCipher
{
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int DataKeyLength = 32;
    private static readonly byte[] DataAssociatedData = Encoding.UTF8.GetBytes(EncryptedEnvelope.CurrentFormat);

    /// <summary>Encrypts <paramref name="plaintext"/> under a new data key, wrapped by <paramref name="kek"/>.</summary>
    public static EncryptedEnvelope Seal(ReadOnlySpan<byte> plaintext, string keyId, byte[] kek)
    {
        var dataKey = RandomNumberGenerator.GetBytes(DataKeyLength);
        try
        {
            var nonce = RandomNumberGenerator.GetBytes(NonceLength);
            var ciphertext = new byte[plaintext.Length + TagLength];
            using (var aes = new AesGcm(dataKey, TagLength))
            {
                aes.Encrypt(nonce, plaintext, ciphertext.AsSpan(0, plaintext.Length), ciphertext.AsSpan(plaintext.Length), DataAssociatedData);
            }

            var (keyNonce, wrapped) = Wrap(dataKey, keyId, kek);
            return new EncryptedEnvelope
            {
                Format = EncryptedEnvelope.CurrentFormat,
                KeyId = keyId,
                KeyNonce = keyNonce,
                WrappedKey = wrapped,
                Nonce = nonce,
                Ciphertext = ciphertext,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Decrypts an envelope's data with <paramref name="kek"/>, the key its header names.</summary>
    /// <exception cref="AuthenticationTagMismatchException">The header or the data was changed, or the key is not the one it was written with.</exception>
    /// <exception cref="CryptographicException">The envelope's parts have wrong lengths.</exception>
    public static byte[] Open(EncryptedEnvelope envelope, byte[] kek)
    {
        var dataKey = Unwrap(envelope, kek);
        try
        {
            return Decrypt(envelope, dataKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// The same envelope with its data key wrapped by <paramref name="newKek"/> under <paramref name="newKeyId"/>, after
    /// checking that the data still decrypts (a damaged object is never rewrapped as if it were whole).
    /// </summary>
    public static EncryptedEnvelope Rewrap(EncryptedEnvelope envelope, byte[] oldKek, string newKeyId, byte[] newKek)
    {
        var dataKey = Unwrap(envelope, oldKek);
        try
        {
            CryptographicOperations.ZeroMemory(Decrypt(envelope, dataKey));
            var (keyNonce, wrapped) = Wrap(dataKey, newKeyId, newKek);
            return envelope with { KeyId = newKeyId, KeyNonce = keyNonce, WrappedKey = wrapped };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static (byte[] Nonce, byte[] Wrapped) Wrap(byte[] dataKey, string keyId, byte[] kek)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var wrapped = new byte[DataKeyLength + TagLength];
        using var aes = new AesGcm(kek, TagLength);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(0, DataKeyLength), wrapped.AsSpan(DataKeyLength), KeyAssociatedData(keyId));
        return (nonce, wrapped);
    }

    internal static byte[] Unwrap(EncryptedEnvelope envelope, byte[] kek)
    {
        if (envelope.WrappedKey.Length != DataKeyLength + TagLength || envelope.KeyNonce.Length != NonceLength)
        {
            throw new CryptographicException("The wrapped data key or its nonce has the wrong length.");
        }

        var dataKey = new byte[DataKeyLength];
        using var aes = new AesGcm(kek, TagLength);
        aes.Decrypt(
            envelope.KeyNonce,
            envelope.WrappedKey.AsSpan(0, DataKeyLength),
            envelope.WrappedKey.AsSpan(DataKeyLength),
            dataKey,
            KeyAssociatedData(envelope.KeyId));
        return dataKey;
    }

    private static byte[] Decrypt(EncryptedEnvelope envelope, byte[] dataKey)
    {
        if (envelope.Ciphertext.Length < TagLength || envelope.Nonce.Length != NonceLength)
        {
            throw new CryptographicException("The ciphertext or its nonce has the wrong length.");
        }

        var length = envelope.Ciphertext.Length - TagLength;
        var plaintext = new byte[length];
        using var aes = new AesGcm(dataKey, TagLength);
        aes.Decrypt(envelope.Nonce, envelope.Ciphertext.AsSpan(0, length), envelope.Ciphertext.AsSpan(length), plaintext, DataAssociatedData);
        return plaintext;
    }

    private static byte[] KeyAssociatedData(string keyId) => Encoding.UTF8.GetBytes($"tributary-kek:{keyId}");
}
