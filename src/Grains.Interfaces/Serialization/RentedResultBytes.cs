using System.Buffers;
using Microsoft.IO;

namespace Tributary.Serialization;

/// <summary>
/// Serialized bytes in pooled memory (a <see cref="RecyclableMemoryStream"/>): what a handler writes without the
/// serializer allocating an array per result (a 1 MB output would land on the large object heap each time). Dispose
/// once the bytes are stored, and do not keep <see cref="Memory"/> after that.
/// </summary>
public sealed class RentedResultBytes : IMemoryOwner<byte>
{
    // Blocks of 128 KB and large buffers in 1 MB steps; at most 64 MB of each kind kept free for reuse.
    private static readonly RecyclableMemoryStreamManager Pool = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 128 * 1024,
        LargeBufferMultiple = 1024 * 1024,
        MaximumBufferSize = 128 * 1024 * 1024,
        MaximumSmallPoolFreeBytes = 64L * 1024 * 1024,
        MaximumLargePoolFreeBytes = 64L * 1024 * 1024,
    });

    private readonly RecyclableMemoryStream _stream;

    private RentedResultBytes(RecyclableMemoryStream stream) => _stream = stream;

    /// <summary>The bytes: one contiguous pooled buffer, valid until <see cref="Dispose"/>.</summary>
    public Memory<byte> Memory => _stream.GetBuffer().AsMemory(0, checked((int)_stream.Length));

    /// <summary>How many bytes.</summary>
    public int Length => checked((int)_stream.Length);

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    /// <summary>A new empty pooled stream, also an <see cref="IBufferWriter{T}"/> that serializers write into directly.</summary>
    internal static RecyclableMemoryStream NewStream() => Pool.GetStream();

    /// <summary>Takes ownership of a stream written by <see cref="NewStream"/>.</summary>
    internal static RentedResultBytes Of(RecyclableMemoryStream stream) => new(stream);
}
