namespace Tributary.Serialization;

/// <summary>
/// Turns a value into bytes and back, typed so that a value round-trips as its C# type. Handlers that store bytes
/// (local files, blobs) use one; the storage itself is the handler's business.
/// </summary>
/// <remarks>Implementations must be thread-safe and must round-trip <see langword="null"/>.</remarks>
public interface IResultSerializer
{
    /// <summary>A short stable name, recorded in handler descriptors (e.g. <c>"json"</c>).</summary>
    string Name { get; }

    /// <summary>The file name extension for stored values, with the dot (e.g. <c>".json"</c>).</summary>
    string FileExtension { get; }

    /// <summary>Serializes a value.</summary>
    /// <param name="value">The value; may be <see langword="null"/>.</param>
    /// <param name="type">The type to serialize it as.</param>
    byte[] Serialize(object? value, Type type);

    /// <summary>Deserializes a value.</summary>
    /// <param name="data">Bytes written by <see cref="Serialize"/>.</param>
    /// <param name="type">The type to read the value as.</param>
    /// <exception cref="ResultSerializationException">The bytes cannot be read as <paramref name="type"/>.</exception>
    object? Deserialize(ReadOnlySpan<byte> data, Type type);
}
