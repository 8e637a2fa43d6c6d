namespace Tributary.Handlers.Encryption;

/// <summary>
/// The descriptor of the encrypting handler: kind <see cref="EncryptedResultHandler.Kind"/>, whose settings name the
/// wrapped (inner) handler: <c>inner</c> = its kind, <c>inner.NAME</c> = each of its settings. It holds no key material:
/// keys come from the configuration of the host that rebuilds the handler.
/// </summary>
public static class EncryptedDescriptor
{
    /// <summary>The setting that holds the inner handler's kind.</summary>
    public const string InnerKindSetting = "inner";

    /// <summary>The prefix of the settings that hold the inner handler's settings.</summary>
    public const string InnerSettingPrefix = "inner.";

    /// <summary>The descriptor of an encrypting handler around <paramref name="inner"/>.</summary>
    /// <param name="inner">The handler that stores the encrypted objects (e.g. <see cref="ResultHandlers.Local"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="inner"/> is the JSON handler, which would put the encrypted object in the orchestration state.</exception>
    public static ResultHandlerDescriptor Of(ResultHandlerDescriptor inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        EnsureWrappable(inner.Kind, nameof(inner));
        var settings = inner.Settings.Select(pair => KeyValuePair.Create(InnerSettingPrefix + pair.Key, pair.Value))
            .Append(KeyValuePair.Create(InnerKindSetting, inner.Kind));
        return new ResultHandlerDescriptor(EncryptedResultHandler.Kind, settings);
    }

    /// <summary>The inner handler's descriptor, read back from an encrypting handler's descriptor.</summary>
    /// <param name="descriptor">A descriptor of kind <see cref="EncryptedResultHandler.Kind"/>.</param>
    /// <exception cref="ArgumentException">The descriptor is of another kind, names no inner kind, or names the JSON handler.</exception>
    public static ResultHandlerDescriptor InnerOf(ResultHandlerDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.Kind != EncryptedResultHandler.Kind)
        {
            throw new ArgumentException($"Descriptor {descriptor} is not of kind '{EncryptedResultHandler.Kind}'.", nameof(descriptor));
        }

        var kind = descriptor.GetSetting(InnerKindSetting);
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw new ArgumentException(
                $"Descriptor {descriptor} has no '{InnerKindSetting}' setting: an encrypting handler names the handler that stores its "
                + $"objects (e.g. '{InnerKindSetting}=local', '{InnerSettingPrefix}directory=/data/results').",
                nameof(descriptor));
        }

        EnsureWrappable(kind, nameof(descriptor));
        var settings = descriptor.Settings
            .Where(pair => pair.Key.StartsWith(InnerSettingPrefix, StringComparison.Ordinal))
            .Select(pair => KeyValuePair.Create(pair.Key[InnerSettingPrefix.Length..], pair.Value));
        return new ResultHandlerDescriptor(kind, settings);
    }

    private static void EnsureWrappable(string kind, string paramName)
    {
        if (kind == JsonResultHandler.Kind)
        {
            throw new ArgumentException(
                $"The encrypting handler cannot wrap the '{JsonResultHandler.Kind}' handler: its safe value is the stored object itself, "
                + "so the ciphertext and the wrapped data key would land in the orchestration state. Wrap a handler that stores "
                + "objects elsewhere (local, azure-blob).",
                paramName);
        }
    }
}
