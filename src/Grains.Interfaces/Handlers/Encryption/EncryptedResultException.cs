namespace Tributary.Handlers.Encryption;

/// <summary>
/// An encrypted result cannot be decrypted: it was tampered with or damaged, it is not an encrypted object, or the key
/// it names is not in this host's key ring. The message names the location and the key id, never key material.
/// </summary>
[GenerateSerializer, Alias("tributary.encrypted-result-error")]
public sealed class EncryptedResultException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What is wrong, naming the location and the key id.</param>
    /// <param name="location">The inner handler's location of the encrypted object.</param>
    /// <param name="keyId">The key id of the object's header, if it was read.</param>
    /// <param name="innerException">The cause, if any.</param>
    public EncryptedResultException(string message, string location, string? keyId, Exception? innerException = null)
        : base(message, innerException)
    {
        Location = location;
        KeyId = keyId;
    }

    /// <summary>The inner handler's location of the encrypted object.</summary>
    [Id(0)]
    public string Location { get; }

    /// <summary>The key id of the object's header; <see langword="null"/> when the header could not be read.</summary>
    [Id(1)]
    public string? KeyId { get; }
}
