using System.Buffers;
using System.IO.Compression;

namespace Tributary.Serialization;

/// <summary>Compresses and decompresses serialized results with a <see cref="ResultCodec"/> (System.IO.Compression, fastest level).</summary>
internal static class ResultCompression
{
    /// <summary>Compresses <paramref name="data"/> into <paramref name="destination"/>, after what it holds.</summary>
    public static void Compress(ResultCodec codec, ReadOnlySequence<byte> data, Stream destination)
    {
        using var stream = Open(codec, destination, CompressionMode.Compress);
        foreach (var segment in data)
        {
            stream.Write(segment.Span);
        }
    }

    /// <summary>Decompresses <paramref name="data"/> into <paramref name="destination"/>; throws <see cref="InvalidDataException"/> when it is not what the codec wrote.</summary>
    public static void Decompress(ResultCodec codec, ReadOnlyMemory<byte> data, Stream destination)
    {
        using var input = new ReadOnlyMemoryStream(data);
        using var stream = Open(codec, input, CompressionMode.Decompress);
        stream.CopyTo(destination);
    }

    private static Stream Open(ResultCodec codec, Stream inner, CompressionMode mode) => (codec, mode) switch
    {
        (ResultCodec.GZip, CompressionMode.Compress) => new GZipStream(inner, CompressionLevel.Fastest, leaveOpen: true),
        (ResultCodec.GZip, _) => new GZipStream(inner, mode, leaveOpen: true),
        (ResultCodec.Brotli, CompressionMode.Compress) => new BrotliStream(inner, CompressionLevel.Fastest, leaveOpen: true),
        (ResultCodec.Brotli, _) => new BrotliStream(inner, mode, leaveOpen: true),
        (ResultCodec.ZLib, CompressionMode.Compress) => new ZLibStream(inner, CompressionLevel.Fastest, leaveOpen: true),
        (ResultCodec.ZLib, _) => new ZLibStream(inner, mode, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a compressing codec."),
    };

    // A read-only stream over memory without copying it (MemoryStream needs an array segment).
    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> data) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, data.Length - _position);
            data.Span.Slice(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
