using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tributary.Results;
using Tributary.Serialization;

namespace Tributary.Handlers.Encryption;

/// <summary>
/// Wraps another handler and encrypts what it stores with AES-256-GCM, envelope style: each result gets a fresh random
/// data key, wrapped by a key-encryption key of the host's <see cref="EncryptionKeyRing"/> (<c>Tributary:Encryption</c>).
/// </summary>
/// <remarks>
/// <para>
/// The inner handler stores an <see cref="EncryptedEnvelope"/>: a header (key id, the wrapped data key, the nonces) and
/// the ciphertext. The safe value is <c>{"keyId": "...", "inner": INNER}</c>, INNER being the inner handler's safe value:
/// it holds no key material, not even wrapped. The descriptor (<see cref="EncryptedDescriptor"/>) names the inner
/// handler and holds no key either, so any host with the same key ring in its configuration reads the result.
/// </para>
/// <para>
/// <b>Which key id counts.</b> The key id in the stored object's header is authoritative: reading unwraps with the key
/// the header names. The safe value's key id is the key the result was first written under, for operators and tools;
/// after a re-encryption in place (<see cref="ReencryptAsync"/>) the header names the new key while safe values already
/// recorded in orchestration state still name the old one, and they read with the new key alone.
/// </para>
/// <para>
/// Reading a location that is gone throws <see cref="ResultLocationNotFoundException"/> naming the inner location and
/// this handler; an object that was tampered with, that is not an envelope, or whose key is not in the ring throws
/// <see cref="EncryptedResultException"/> naming the location and the key id.
/// </para>
/// </remarks>
public sealed partial class EncryptedResultHandler : IResultHandler
{
    /// <summary>The kind name stored in descriptors.</summary>
    public const string Kind = "encrypted";

    /// <summary>Creates the handler.</summary>
    /// <param name="inner">Stores the encrypted objects; never the JSON handler (its safe value is the object itself).</param>
    /// <param name="keys">The host's key ring.</param>
    /// <param name="serializer">How values become bytes before encryption; System.Text.Json when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="inner"/> is the JSON handler.</exception>
    public EncryptedResultHandler(IResultHandler inner, EncryptionKeyRing keys, IResultSerializer? serializer = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(keys);
        Descriptor = EncryptedDescriptor.Of(inner.Descriptor);
        Inner = inner;
        Keys = keys;
        Serializer = serializer ?? SystemTextJsonResultSerializer.Default;
    }

    /// <summary>The handler that stores the encrypted objects.</summary>
    public IResultHandler Inner { get; }

    /// <summary>The host's key ring.</summary>
    public EncryptionKeyRing Keys { get; }

    /// <summary>How values become bytes before encryption.</summary>
    public IResultSerializer Serializer { get; }

    /// <inheritdoc />
    public ResultHandlerDescriptor Descriptor { get; }

    /// <inheritdoc />
    public async Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default)
    {
        var (keyId, envelope) = Seal(value, valueType);
        var inner = await Inner.WriteAsync(envelope, typeof(EncryptedEnvelope), cancellationToken).ConfigureAwait(false);
        return EncryptedLocation.Create(keyId, inner);
    }

    /// <inheritdoc />
    public async Task<JsonNode?> WriteAsync(object? value, Type valueType, ResultKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (keyId, envelope) = Seal(value, valueType);
        var inner = await Inner.WriteAsync(envelope, typeof(EncryptedEnvelope), key, cancellationToken).ConfigureAwait(false);
        return EncryptedLocation.Create(keyId, inner);
    }

    /// <inheritdoc />
    /// <remarks>The inner handler's location of the key, under the active key's id (which a keyed write made now would record).</remarks>
    public JsonNode? LocationOf(ResultKey key) =>
        Inner.LocationOf(key) is { } inner ? EncryptedLocation.Create(Keys.ActiveKeyId, inner) : null;

    /// <inheritdoc />
    public async Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        var (_, inner) = EncryptedLocation.Parse(location, Descriptor);
        var envelope = await ReadEnvelopeAsync(inner, cancellationToken).ConfigureAwait(false);
        var plaintext = Open(envelope, inner);
        try
        {
            return Serializer.Deserialize(plaintext, valueType);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(JsonNode? location, CancellationToken cancellationToken = default) =>
        Inner.DeleteAsync(EncryptedLocation.Parse(location, Descriptor).Inner, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"{Descriptor} with {Keys}";

    private (string KeyId, EncryptedEnvelope Envelope) Seal(object? value, Type valueType)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        var keyId = Keys.ActiveKeyId;
        Keys.TryGetKey(keyId, out var kek);
        var plaintext = Serializer.Serialize(value, valueType);
        try
        {
            return (keyId, EnvelopeCipher.Seal(plaintext, keyId, kek));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
