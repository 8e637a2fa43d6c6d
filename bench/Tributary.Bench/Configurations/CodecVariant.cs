using Tributary.Handlers;
using Tributary.Serialization;

namespace Tributary.Bench.Configurations;

/// <summary>
/// A variant of embedded-local-checkpoint that writes results in another format or codec, each under its own folder so
/// that the bytes it stores can be counted (see <see cref="Reporting.StoredBytesTable"/>).
/// </summary>
public sealed record CodecVariant(ResultFormat Format, ResultCodec Codec)
{
    /// <summary>The variants measured against today's JSON (embedded-local-checkpoint).</summary>
    public static IReadOnlyList<CodecVariant> All { get; } =
    [
        new(ResultFormat.MessagePack, ResultCodec.None),
        new(ResultFormat.MessagePack, ResultCodec.GZip),
        new(ResultFormat.MessagePack, ResultCodec.Brotli),
        new(ResultFormat.Json, ResultCodec.Brotli),
    ];

    /// <summary>The configuration name, e.g. <c>embedded-local-checkpoint-msgpack-brotli</c>.</summary>
    public string Configuration => "embedded-local-checkpoint-" + ResultEncoding.NameOf(Format)
        + (Codec == ResultCodec.None ? string.Empty : "-" + ResultEncoding.NameOf(Codec));

    /// <summary>The handler: local files under the configuration's own folder of <paramref name="root"/>.</summary>
    public ResultHandlerDescriptor Handler(string root) => ResultHandlers.Local(Path.Combine(root, Configuration), Format, Codec);
}
