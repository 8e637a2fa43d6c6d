using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tributary.Serialization;

namespace Tributary.Handlers.Encryption;

// Reading and opening stored envelopes, with errors that name the location and the key id (never key material).
public sealed partial class EncryptedResultHandler
{
    private async Task<EncryptedEnvelope> ReadEnvelopeAsync(JsonNode? inner, CancellationToken cancellationToken)
    {
        object? stored;
        try
        {
            stored = await Inner.ReadAsync(inner, typeof(EncryptedEnvelope), cancellationToken).ConfigureAwait(false);
        }
        catch (ResultLocationNotFoundException ex)
        {
            throw new ResultLocationNotFoundException(EncryptedLocation.Text(inner), Descriptor, ex);
        }
        catch (ResultSerializationException ex)
        {
            throw NotAnEnvelope(inner, ex);
        }

        return stored is EncryptedEnvelope { Format: EncryptedEnvelope.CurrentFormat } envelope
               && envelope.KeyId is not null && envelope.KeyNonce is not null && envelope.WrappedKey is not null
               && envelope.Nonce is not null && envelope.Ciphertext is not null
            ? envelope
            : throw NotAnEnvelope(inner, null);
    }

    private byte[] Open(EncryptedEnvelope envelope, JsonNode? inner)
    {
        var kek = KeyOf(envelope, inner);
        try
        {
            return EnvelopeCipher.Open(envelope, kek);
        }
        catch (CryptographicException ex)
        {
            throw Tampered(envelope, inner, ex);
        }
    }

    private byte[] KeyOf(EncryptedEnvelope envelope, JsonNode? inner)
    {
        var location = EncryptedLocation.Text(inner);
        return Keys.TryGetKey(envelope.KeyId, out var kek)
            ? kek
            : throw new EncryptedResultException(
                $"The encrypted result at {location} (handler {Descriptor}) was written under key id '{envelope.KeyId}', which this "
                + $"host's key ring ({EncryptionOptions.SectionName}:{nameof(EncryptionOptions.Keys)}) does not hold (key ids held: "
                + $"{string.Join(", ", Keys.KeyIds)}). Add that key to the ring to read it.",
                location,
                envelope.KeyId);
    }

    private EncryptedResultException Tampered(EncryptedEnvelope envelope, JsonNode? inner, Exception cause)
    {
        var location = EncryptedLocation.Text(inner);
        return new EncryptedResultException(
            $"The encrypted result at {location} (handler {Descriptor}, key id '{envelope.KeyId}') failed authentication: it was "
            + $"changed or damaged after it was written, or key '{envelope.KeyId}' of this host's key ring is not the key it was written with.",
            location,
            envelope.KeyId,
            cause);
    }

    private EncryptedResultException NotAnEnvelope(JsonNode? inner, Exception? cause)
    {
        var location = EncryptedLocation.Text(inner);
        return new EncryptedResultException(
            $"The object at {location} (handler {Descriptor}) is not an encrypted result of format '{EncryptedEnvelope.CurrentFormat}': "
            + "it was changed or damaged after it was written, or written by another handler.",
            location,
            keyId: null,
            cause);
    }
}
