namespace Tributary.Serialization;

/// <summary>How a result value becomes bytes before any compression (see <see cref="FramedResultSerializer"/>).</summary>
/// <remarks>The numbers are written into stored results' headers: never renumber them.</remarks>
public enum ResultFormat
{
    /// <summary>UTF-8 JSON through System.Text.Json (<c>"json"</c>): readable, the default.</summary>
    Json = 1,

    /// <summary>MessagePack with the contractless resolver (<c>"msgpack"</c>): binary, smaller for byte arrays and numbers.</summary>
    MessagePack = 2,
}
