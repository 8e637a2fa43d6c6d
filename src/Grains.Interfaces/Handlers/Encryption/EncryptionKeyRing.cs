using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace Tributary.Handlers.Encryption;

/// <summary>
/// The host's key-encryption keys by id, and the active one, decoded once from validated <see cref="EncryptionOptions"/>.
/// It never shows a key: <see cref="ToString"/> and errors give ids only.
/// </summary>
public sealed class EncryptionKeyRing
{
    private readonly FrozenDictionary<string, byte[]> _keys;

    /// <summary>Creates the ring from options.</summary>
    /// <param name="options">The key ring's settings.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names the setting.</exception>
    public EncryptionKeyRing(EncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new EncryptionOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(EncryptionOptions), result.Failures);
        }

        // Validated above: every key is the base64 of 32 bytes.
        _keys = options.Keys.ToFrozenDictionary(pair => pair.Key, pair => Convert.FromBase64String(pair.Value.Trim()), StringComparer.Ordinal);
        ActiveKeyId = options.ActiveKey!;
    }

    /// <summary>Creates the ring from the host's options.</summary>
    /// <param name="options">The options, as dependency injection gives them.</param>
    public EncryptionKeyRing(IOptions<EncryptionOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>The id of the key new writes use.</summary>
    public string ActiveKeyId { get; }

    /// <summary>The ids of every key held, sorted.</summary>
    public IReadOnlyList<string> KeyIds => [.. _keys.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether the ring holds a key of this id.</summary>
    /// <param name="keyId">The key id.</param>
    public bool Contains(string keyId) => _keys.ContainsKey(keyId);

    /// <summary>The key of an id, for the handler's own use.</summary>
    internal bool TryGetKey(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    /// <inheritdoc />
    public override string ToString() => $"key ring (active '{ActiveKeyId}'; ids {string.Join(", ", KeyIds)})";
}
