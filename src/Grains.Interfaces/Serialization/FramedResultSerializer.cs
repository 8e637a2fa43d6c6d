namespace Tributary.Serialization;

/// <summary>
/// Serializes with a <see cref="ResultFormat"/>, optionally compresses with a <see cref="ResultCodec"/>, and records both
/// in a small header, so that any host reads any stored result whatever it is configured to write.
/// </summary>
/// <remarks>
/// <para>
/// Stored layout: bytes without the header are the plain output of the <em>unframed</em> serializer (JSON by default),
/// which is what every result written before formats existed looks like, and what JSON without compression still
/// writes, byte for byte. Otherwise an 8-byte header comes first: <c>0xC1 'T' 'R' 'B'</c>, a version (1), the format
/// number, the codec number (0 when the payload was left uncompressed) and a reserved 0. <c>0xC1</c> never starts UTF-8
/// text (so never JSON) and is the one byte MessagePack never uses, so the header cannot be mistaken for either.
/// </para>
/// <para>
/// Compression pays only on compressible data: payloads under <see cref="CompressionThreshold"/> bytes are not compressed,
/// and a compressed payload that is not smaller than the original is dropped for the original (codec 0 in the header).
/// </para>
/// </remarks>
public sealed class FramedResultSerializer : IResultSerializer
{
    /// <summary>Payloads shorter than this (bytes) are stored uncompressed.</summary>
    public const int CompressionThreshold = 1024;

    private const int HeaderLength = 8;
    private const byte Version = 1;
    private const int CodecOffset = 6;
    private static ReadOnlySpan<byte> Magic => [0xC1, (byte)'T', (byte)'R', (byte)'B'];

    private readonly IResultSerializer _unframed;
    private readonly IResultSerializer _writer;

    /// <summary>Creates a serializer that writes <paramref name="format"/> compressed with <paramref name="codec"/>.</summary>
    /// <param name="format">How values become bytes.</param>
    /// <param name="codec">How the bytes are compressed.</param>
    /// <param name="unframed">What reads bytes without a header (results stored before formats existed) and writes JSON without a codec; System.Text.Json when <see langword="null"/>.</param>
    public FramedResultSerializer(ResultFormat format = ResultFormat.Json, ResultCodec codec = ResultCodec.None, IResultSerializer? unframed = null)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Not a known result format.");
        }

        if (!Enum.IsDefined(codec))
        {
            throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a known result codec.");
        }

        _unframed = unframed is FramedResultSerializer framed ? framed._unframed : unframed ?? SystemTextJsonResultSerializer.Default;
        Format = format;
        Codec = codec;
        _writer = WritesHeader ? WriterOf(format) : _unframed;
    }

    /// <summary>The format written.</summary>
    public ResultFormat Format { get; }

    /// <summary>The codec written (when it pays off).</summary>
    public ResultCodec Codec { get; }

    /// <summary>Whether writes carry the header: every combination but JSON without compression.</summary>
    public bool WritesHeader => Format != ResultFormat.Json || Codec != ResultCodec.None;

    /// <inheritdoc />
    /// <remarks><c>json</c>, <c>msgpack</c>, with <c>+gzip</c>, <c>+brotli</c> or <c>+zlib</c> when compressing.</remarks>
    public string Name => Codec == ResultCodec.None ? _writer.Name : $"{_writer.Name}+{ResultEncoding.NameOf(Codec)}";

    /// <inheritdoc />
    /// <remarks>The format's own extension (<c>.json</c>, <c>.msgpack</c>), or <c>.bin</c> for compressed JSON, which is not readable as JSON.</remarks>
    public string FileExtension => Format == ResultFormat.Json && Codec != ResultCodec.None ? ".bin" : _writer.FileExtension;

    /// <inheritdoc />
    public byte[] Serialize(object? value, Type type)
    {
        if (!WritesHeader)
        {
            return _writer.Serialize(value, type);
        }

        using var bytes = SerializeRented(value, type);
        return bytes.Memory.ToArray();
    }

    /// <summary>
    /// Serializes into pooled memory: the bytes <see cref="Serialize(object?, Type)"/> gives, header included, written straight after
    /// the header by the format's serializer (and the codec), without an array of their own. Dispose once they are stored.
    /// </summary>
    /// <param name="value">The value; may be <see langword="null"/>.</param>
    /// <param name="type">The type to serialize it as.</param>
    public RentedResultBytes SerializeRented(object? value, Type type)
    {
        var stream = RentedResultBytes.NewStream();
        try
        {
            if (WritesHeader)
            {
                WriteHeader(stream);
            }

            if (Codec == ResultCodec.None)
            {
                WritePayload(stream, value, type);
                return RentedResultBytes.Of(stream);
            }

            using var payload = RentedResultBytes.NewStream();
            WritePayload(payload, value, type);
            if (payload.Length >= CompressionThreshold)
            {
                ResultCompression.Compress(Codec, payload.GetReadOnlySequence(), stream);
                if (stream.Length - HeaderLength < payload.Length)
                {
                    stream.Position = CodecOffset;
                    stream.WriteByte((byte)Codec);
                    stream.Position = stream.Length;
                    return RentedResultBytes.Of(stream);
                }

                // It did not pay off: the original bytes, codec 0 in the header.
                stream.SetLength(HeaderLength);
                stream.Position = HeaderLength;
            }

            foreach (var segment in payload.GetReadOnlySequence())
            {
                stream.Write(segment.Span);
            }

            return RentedResultBytes.Of(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>Bytes with a header are copied once; <see cref="Deserialize(ReadOnlyMemory{byte}, Type)"/> reads them in place.</remarks>
    public object? Deserialize(ReadOnlySpan<byte> data, Type type) =>
        data.StartsWith(Magic) ? Deserialize(new ReadOnlyMemory<byte>(data.ToArray()), type) : _unframed.Deserialize(data, type);

    /// <summary>Deserializes stored bytes of any format and codec, reading them in place (decompressed into pooled memory).</summary>
    /// <param name="data">The stored bytes.</param>
    /// <param name="type">The type to read the value as.</param>
    /// <exception cref="ResultSerializationException">The bytes cannot be read as <paramref name="type"/>, or their header is not one this host knows.</exception>
    public object? Deserialize(ReadOnlyMemory<byte> data, Type type)
    {
        if (!data.Span.StartsWith(Magic))
        {
            return _unframed.Deserialize(data.Span, type);
        }

        var (format, codec) = ReadHeader(data.Span);
        var payload = data[HeaderLength..];
        if (codec == ResultCodec.None)
        {
            return DeserializePayload(format, payload, type);
        }

        using var decompressed = RentedResultBytes.NewStream();
        try
        {
            ResultCompression.Decompress(codec, payload, decompressed);
        }
        catch (InvalidDataException ex)
        {
            throw new ResultSerializationException(
                $"The stored result's {ResultEncoding.NameOf(codec)} data is corrupt or truncated: {ex.Message}", ex);
        }

        return DeserializePayload(format, decompressed.GetBuffer().AsMemory(0, checked((int)decompressed.Length)), type);
    }

    // Codec 0 (uncompressed): SerializeRented sets the codec byte once compressing paid off.
    private void WriteHeader(Stream stream)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        header[4] = Version;
        header[5] = (byte)Format;
        stream.Write(header);
    }

    private void WritePayload(Microsoft.IO.RecyclableMemoryStream stream, object? value, Type type)
    {
        switch (_writer)
        {
            case MessagePackResultSerializer messagePack:
                messagePack.Serialize(stream, value, type);
                break;
            case SystemTextJsonResultSerializer json:
                json.Serialize(stream, value, type);
                break;
            default:
                stream.Write(_writer.Serialize(value, type));
                break;
        }
    }

    private static (ResultFormat Format, ResultCodec Codec) ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderLength)
        {
            throw new ResultSerializationException(
                $"The stored result is truncated: {data.Length} bytes, shorter than its {HeaderLength}-byte format header.");
        }

        if (data[4] != Version)
        {
            throw new ResultSerializationException(
                $"The stored result's header has version {data[4]}; this host reads version {Version}: upgrade it to read the result.");
        }

        var format = (ResultFormat)data[5];
        var codec = (ResultCodec)data[CodecOffset];
        if (!Enum.IsDefined(format) || !Enum.IsDefined(codec))
        {
            throw new ResultSerializationException(
                $"The stored result's header names format {data[5]} and codec {data[CodecOffset]}, which this host does not know: upgrade it to read the result.");
        }

        return (format, codec);
    }

    private object? DeserializePayload(ResultFormat format, ReadOnlyMemory<byte> payload, Type type) =>
        format == ResultFormat.MessagePack
            ? MessagePackResultSerializer.Default.Deserialize(payload, type)
            : WriterOf(format).Deserialize(payload.Span, type);

    private IResultSerializer WriterOf(ResultFormat format) => format switch
    {
        ResultFormat.Json => _unframed is SystemTextJsonResultSerializer ? _unframed : SystemTextJsonResultSerializer.Default,
        _ => MessagePackResultSerializer.Default,
    };
}
