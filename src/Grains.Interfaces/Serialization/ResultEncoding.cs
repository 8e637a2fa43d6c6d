using Tributary.Handlers;

namespace Tributary.Serialization;

/// <summary>
/// The descriptor settings that choose how a byte-storing handler writes results (<c>format</c>, <c>codec</c>), and
/// their names. Reading never needs them: the stored bytes say how they were written (see <see cref="FramedResultSerializer"/>).
/// </summary>
public static class ResultEncoding
{
    /// <summary>The descriptor setting that names the <see cref="ResultFormat"/>: <c>json</c> (the default) or <c>msgpack</c>.</summary>
    public const string FormatSetting = "format";

    /// <summary>The descriptor setting that names the <see cref="ResultCodec"/>: <c>none</c> (the default), <c>gzip</c>, <c>brotli</c> or <c>zlib</c>.</summary>
    public const string CodecSetting = "codec";

    /// <summary>The setting value of a format.</summary>
    /// <param name="format">The format.</param>
    public static string NameOf(ResultFormat format) => format switch
    {
        ResultFormat.Json => "json",
        ResultFormat.MessagePack => "msgpack",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a known result format."),
    };

    /// <summary>The setting value of a codec.</summary>
    /// <param name="codec">The codec.</param>
    public static string NameOf(ResultCodec codec) => codec switch
    {
        ResultCodec.None => "none",
        ResultCodec.GZip => "gzip",
        ResultCodec.Brotli => "brotli",
        ResultCodec.ZLib => "zlib",
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a known result codec."),
    };

    /// <summary>Reads the format a descriptor asks for; <see langword="null"/> when it does not say.</summary>
    /// <param name="descriptor">The handler's descriptor.</param>
    /// <exception cref="ArgumentException">The setting names no known format.</exception>
    public static ResultFormat? FormatOf(ResultHandlerDescriptor descriptor) =>
        Parse(descriptor, FormatSetting, Enum.GetValues<ResultFormat>(), NameOf);

    /// <summary>Reads the codec a descriptor asks for; <see langword="null"/> when it does not say.</summary>
    /// <param name="descriptor">The handler's descriptor.</param>
    /// <exception cref="ArgumentException">The setting names no known codec.</exception>
    public static ResultCodec? CodecOf(ResultHandlerDescriptor descriptor) =>
        Parse(descriptor, CodecSetting, Enum.GetValues<ResultCodec>(), NameOf);

    /// <summary>
    /// The settings that record a choice of format and codec, to add to a descriptor; none for a choice left open
    /// (<see langword="null"/>), so descriptors of handlers that choose nothing stay as they were.
    /// </summary>
    /// <param name="format">The format, or <see langword="null"/>.</param>
    /// <param name="codec">The codec, or <see langword="null"/>.</param>
    public static IEnumerable<KeyValuePair<string, string>> Settings(ResultFormat? format, ResultCodec? codec)
    {
        if (format is { } f)
        {
            yield return new(FormatSetting, NameOf(f));
        }

        if (codec is { } c)
        {
            yield return new(CodecSetting, NameOf(c));
        }
    }

    /// <summary>
    /// The serializer that writes what <paramref name="format"/> and <paramref name="codec"/> ask for and reads every
    /// format; with neither, it writes as <paramref name="fallback"/> does (the host's configured serializer).
    /// </summary>
    /// <param name="format">The format, or <see langword="null"/> for JSON.</param>
    /// <param name="codec">The codec, or <see langword="null"/> for none.</param>
    /// <param name="fallback">The host's serializer: it writes when nothing is chosen and reads results without a header.</param>
    public static FramedResultSerializer Serializer(ResultFormat? format, ResultCodec? codec, IResultSerializer? fallback)
    {
        if (format is null && codec is null && fallback is FramedResultSerializer framed)
        {
            return framed;
        }

        var configured = fallback as FramedResultSerializer;
        return new FramedResultSerializer(
            format ?? configured?.Format ?? ResultFormat.Json,
            codec ?? configured?.Codec ?? ResultCodec.None,
            fallback);
    }

    private static T? Parse<T>(ResultHandlerDescriptor descriptor, string setting, T[] values, Func<T, string> name)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        // Descriptor settings are case-sensitive, configuration keys are not (Settings__Format binds as "Format").
        var text = descriptor.GetSetting(setting)
            ?? descriptor.Settings.FirstOrDefault(pair => string.Equals(pair.Key, setting, StringComparison.OrdinalIgnoreCase)).Value;
        if (text is null)
        {
            return null;
        }

        foreach (var value in values)
        {
            if (string.Equals(name(value), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ArgumentException(
            $"Handler {descriptor}: the setting '{setting}' is '{text}'; expected one of {string.Join(", ", values.Select(name))}.",
            nameof(descriptor));
    }
}
