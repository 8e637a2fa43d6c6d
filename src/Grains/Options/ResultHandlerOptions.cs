using Tributary.Handlers;
using Tributary.Serialization;

namespace Tributary.Options;

/// <summary>
/// The configured global default result handler: the bottom of the hierarchy (global &lt; flow &lt; task).
/// Bound from the <c>Tributary:ResultHandler</c> configuration section (appsettings.json, environment
/// variables such as <c>Tributary__ResultHandler__Kind</c>).
/// </summary>
public sealed class ResultHandlerOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tributary:ResultHandler";

    // The settings of the built-in kinds, by their canonical (descriptor) names.
    private static readonly string[] BuiltInSettings =
        [LocalResultHandler.DirectorySetting, ResultHandlers.ContainerSetting, ResultEncoding.FormatSetting, ResultEncoding.CodecSetting];

    /// <summary>The handler kind. Default <c>"local"</c> (files under <see cref="ResultHandlers.DefaultLocalDirectory"/>).</summary>
    public string Kind { get; set; } = LocalResultHandler.Kind;

    /// <summary>
    /// Non-secret settings of the kind, e.g. <c>directory</c> for <c>local</c>, <c>container</c> for <c>azure-blob</c>, and
    /// for every byte-storing kind <c>format</c> (<c>json</c>, <c>msgpack</c>) and <c>codec</c> (<c>none</c>, <c>gzip</c>,
    /// <c>brotli</c>, <c>zlib</c>).
    /// Keys are case-insensitive, as configuration keys are: <c>Tributary__ResultHandler__Settings__Directory</c> sets
    /// <c>directory</c>.
    /// </summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether to encrypt what the configured kind stores (AES-GCM with the <c>Tributary:Encryption</c> key ring): the
    /// default becomes <see cref="ResultHandlers.Encrypted"/> around <see cref="Kind"/> and <see cref="Settings"/>, e.g.
    /// <c>Tributary__ResultHandler__Encrypted=true</c> for local files encrypted. Default <see langword="false"/>.
    /// </summary>
    public bool Encrypted { get; set; }

    /// <summary>
    /// Gives the descriptor of the configured default (wrapped by the encrypting handler when <see cref="Encrypted"/>); the
    /// local kind without a directory gets the default one.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="Kind"/> is empty, or <see cref="Encrypted"/> is set on the JSON kind.</exception>
    public ResultHandlerDescriptor ToDescriptor()
    {
        var descriptor = ToPlainDescriptor();
        if (!Encrypted)
        {
            return descriptor;
        }

        try
        {
            return ResultHandlers.Encrypted(descriptor);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{SectionName}:{nameof(Encrypted)} is true with {SectionName}:{nameof(Kind)} '{Kind}': {ex.Message}", nameof(Encrypted), ex);
        }
    }

    private ResultHandlerDescriptor ToPlainDescriptor()
    {
        if (string.IsNullOrWhiteSpace(Kind))
        {
            throw new ArgumentException($"Set {SectionName}:{nameof(Kind)} to a handler kind such as 'local'.", nameof(Kind));
        }

        // Descriptor settings are case-sensitive but configuration keys are not (an environment variable
        // ..._Settings__Directory binds as "Directory"): give the built-in settings their canonical names, so that they
        // are not silently missed (the local kind would fall back to the default directory).
        var settings = Settings.Select(pair => KeyValuePair.Create(Canonical(pair.Key), pair.Value)).ToList();
        var given = new ResultHandlerDescriptor(Kind, settings);
        ResultFormat? format;
        ResultCodec? codec;
        try
        {
            (format, codec) = (ResultEncoding.FormatOf(given), ResultEncoding.CodecOf(given));
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{SectionName}:{nameof(Settings)}: {ex.Message}", nameof(Settings), ex);
        }

        if (Kind == LocalResultHandler.Kind)
        {
            var directory = settings.Find(pair => pair.Key == LocalResultHandler.DirectorySetting).Value;
            return ResultHandlers.Local(directory, format, codec);
        }

        // The chosen format and codec by their canonical names ("MsgPack" is "msgpack"), as the handler's own descriptor has them.
        return new ResultHandlerDescriptor(
            Kind,
            [.. settings.Where(pair => pair.Key is not (ResultEncoding.FormatSetting or ResultEncoding.CodecSetting)), .. ResultEncoding.Settings(format, codec)]);
    }

    private static string Canonical(string key) =>
        BuiltInSettings.FirstOrDefault(name => string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) ?? key;
}
