using Microsoft.Extensions.Options;

namespace Tributary.Handlers.Encryption;

/// <summary>
/// Checks <see cref="EncryptionOptions"/>: an active key that the ring holds, and every key the base64 of 32 bytes.
/// Messages name the setting by its configuration key and never repeat a key's value.
/// </summary>
internal sealed class EncryptionOptionsValidator : IValidateOptions<EncryptionOptions>
{
    private const string Section = EncryptionOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (id, value) in options.Keys.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (CheckKey(id, value) is { } failure)
            {
                failures.Add(failure);
            }
        }

        if (string.IsNullOrWhiteSpace(options.ActiveKey))
        {
            failures.Add($"{Section}:{nameof(options.ActiveKey)} is not set: name the key of {Section}:{nameof(options.Keys)} that new "
                + $"results are encrypted with (e.g. {Section}:{nameof(options.ActiveKey)} = 2026a with {Section}:{nameof(options.Keys)}:2026a = "
                + "the base64 of 32 random bytes).");
        }
        else if (!options.Keys.ContainsKey(options.ActiveKey))
        {
            var held = options.Keys.Count == 0 ? "none" : string.Join(", ", options.Keys.Keys.Order(StringComparer.Ordinal));
            failures.Add($"{Section}:{nameof(options.ActiveKey)} is '{options.ActiveKey}', but {Section}:{nameof(options.Keys)} has no key "
                + $"'{options.ActiveKey}' (key ids held: {held}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Decodes a key of the ring, or gives why it cannot be one (naming its setting, not its value).</summary>
    internal static string? CheckKey(string id, string? value) => TryDecode(value, out var key)
        ? key.Length == EncryptionOptions.KeyLength
            ? null
            : $"{Section}:{nameof(EncryptionOptions.Keys)}:{id} is {key.Length} bytes long; a key-encryption key must be "
              + $"{EncryptionOptions.KeyLength} bytes (AES-256), e.g. from 'openssl rand -base64 32'."
        : $"{Section}:{nameof(EncryptionOptions.Keys)}:{id} is not valid base64; a key-encryption key is the base64 of "
          + $"{EncryptionOptions.KeyLength} random bytes, e.g. from 'openssl rand -base64 32'.";

    /// <summary>Decodes base64, without throwing.</summary>
    internal static bool TryDecode(string? value, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var buffer = new byte[(value.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(value.Trim(), buffer, out var written))
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }
}
