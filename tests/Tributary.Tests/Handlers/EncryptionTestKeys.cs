using System.Security.Cryptography;
using Tributary.Handlers;
using Tributary.Handlers.Encryption;

namespace Tributary.Tests.Handlers;

/// <summary>Random key-encryption keys for tests, and key rings and handlers made of them.</summary>
public sealed class EncryptionTestKeys
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    /// <summary>The base64 of a random 32-byte key, made on first use of its id.</summary>
    public string this[string keyId]
    {
        get
        {
            if (!_keys.TryGetValue(keyId, out var key))
            {
                key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(EncryptionOptions.KeyLength));
                _keys[keyId] = key;
            }

            return key;
        }
    }

    /// <summary>Every key made so far, in base64.</summary>
    public IReadOnlyCollection<string> All => _keys.Values;

    /// <summary>Options of a ring holding <paramref name="keyIds"/>, <paramref name="active"/> active.</summary>
    public EncryptionOptions Options(string active, params string[] keyIds) => new()
    {
        ActiveKey = active,
        Keys = keyIds.ToDictionary(id => id, id => this[id], StringComparer.Ordinal),
    };

    /// <summary>A ring holding <paramref name="keyIds"/>, <paramref name="active"/> active.</summary>
    public EncryptionKeyRing Ring(string active, params string[] keyIds) => new(Options(active, keyIds));

    /// <summary>An encrypting handler around the local handler of <paramref name="directory"/>.</summary>
    public EncryptedResultHandler Local(string directory, string active, params string[] keyIds) =>
        new(new LocalResultHandler(directory), Ring(active, keyIds));

    /// <summary>Configuration entries of a ring, as <c>Tributary:Encryption</c> holds them.</summary>
    public Dictionary<string, string?> Configuration(string active, params string[] keyIds)
    {
        var entries = keyIds.ToDictionary(id => $"{EncryptionOptions.SectionName}:Keys:{id}", id => (string?)this[id]);
        entries[$"{EncryptionOptions.SectionName}:ActiveKey"] = active;
        return entries;
    }

    /// <summary>A catalog of another host with this ring: it rebuilds encrypting handlers from their descriptors.</summary>
    public ResultHandlerCatalog Catalog(string active, params string[] keyIds)
    {
        var ring = Ring(active, keyIds);
        var catalog = new ResultHandlerCatalog();
        return catalog.Register(
            EncryptedResultHandler.Kind, descriptor => new EncryptedResultHandler(catalog.GetHandler(EncryptedDescriptor.InnerOf(descriptor)), ring));
    }
}
