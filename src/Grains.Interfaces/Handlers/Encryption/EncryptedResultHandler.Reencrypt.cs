using System.Text.Json.Nodes;

namespace Tributary.Handlers.Encryption;

// Key rotation: a stored object's data key rewrapped under the active key, the object rewritten where it is.
public sealed partial class EncryptedResultHandler
{
    /// <summary>
    /// Re-encrypts the object stored at a safe value under the active key: its data key is unwrapped with the key its
    /// header names, checked against the data, wrapped under the active key, and the object rewritten in place through the
    /// inner handler (the ciphertext stays as it is). The safe value stays valid: the header's key id is authoritative,
    /// so safe values recorded before read with the new key alone.
    /// </summary>
    /// <param name="location">A safe value this handler wrote.</param>
    /// <param name="dryRun">Only say what would change; write nothing.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The object's location, its key id before and after, and what was done.</returns>
    /// <exception cref="ResultLocationNotFoundException">Nothing is stored there any more.</exception>
    /// <exception cref="EncryptedResultException">The object was tampered with, or its key is not in the ring.</exception>
    /// <exception cref="NotSupportedException">The inner handler cannot rewrite in place (it is no <see cref="IRewritableResultHandler"/>).</exception>
    public async Task<ResultReencryption> ReencryptAsync(JsonNode? location, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var (_, inner) = EncryptedLocation.Parse(location, Descriptor);
        var text = EncryptedLocation.Text(inner);
        var envelope = await ReadEnvelopeAsync(inner, cancellationToken).ConfigureAwait(false);
        var active = Keys.ActiveKeyId;
        if (envelope.KeyId == active)
        {
            return new ResultReencryption(text, envelope.KeyId, active, ReencryptionOutcome.Current);
        }

        var oldKey = KeyOf(envelope, inner);
        if (Inner is not IRewritableResultHandler rewritable)
        {
            throw new NotSupportedException(
                $"The encrypted result at {text} cannot be re-encrypted: its handler {Inner.Descriptor} cannot rewrite an object in "
                + $"place (it does not implement {nameof(IRewritableResultHandler)}).");
        }

        Keys.TryGetKey(active, out var newKey);
        EncryptedEnvelope rewrapped;
        try
        {
            rewrapped = EnvelopeCipher.Rewrap(envelope, oldKey, active, newKey);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw Tampered(envelope, inner, ex);
        }

        if (dryRun)
        {
            return new ResultReencryption(text, envelope.KeyId, active, ReencryptionOutcome.WouldReencrypt);
        }

        await rewritable.RewriteAsync(inner, rewrapped, typeof(EncryptedEnvelope), cancellationToken).ConfigureAwait(false);
        return new ResultReencryption(text, envelope.KeyId, active, ReencryptionOutcome.Reencrypted);
    }
}
