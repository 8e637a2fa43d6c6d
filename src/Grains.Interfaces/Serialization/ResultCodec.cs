namespace Tributary.Serialization;

/// <summary>How serialized bytes are compressed (see <see cref="FramedResultSerializer"/>), always at the fastest level.</summary>
/// <remarks>The numbers are written into stored results' headers: never renumber them.</remarks>
public enum ResultCodec
{
    /// <summary>Not compressed (<c>"none"</c>).</summary>
    None = 0,

    /// <summary>GZip (<c>"gzip"</c>).</summary>
    GZip = 1,

    /// <summary>Brotli (<c>"brotli"</c>).</summary>
    Brotli = 2,

    /// <summary>ZLib (<c>"zlib"</c>).</summary>
    ZLib = 3,
}
