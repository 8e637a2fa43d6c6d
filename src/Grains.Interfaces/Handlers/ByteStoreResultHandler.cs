using System.Text.Json.Nodes;
using Tributary.Results;
using Tributary.Serialization;

namespace Tributary.Handlers;

/// <summary>
/// The base of handlers that store serialized bytes somewhere (a file, a blob) and return a string location
/// (a path, a URI). It keeps the serializer (value ↔ bytes) apart from the storage (bytes ↔ location).
/// </summary>
/// <remarks>
/// Derived classes implement <see cref="WriteBytesAsync(ReadOnlyMemory{byte}, CancellationToken)"/> and <see cref="ReadBytesAsync"/>; each write must use a
/// new location, and a read of a missing location must throw <see cref="ResultLocationNotFoundException"/>.
/// </remarks>
public abstract class ByteStoreResultHandler : IResultHandler
{
    /// <summary>Creates the handler.</summary>
    /// <param name="serializer">How values become bytes.</param>
    protected ByteStoreResultHandler(IResultSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        // Framed, so that every byte-storing handler reads results in any format and codec (the bytes say which);
        // a plain serializer still writes exactly as before.
        _framed = ResultEncoding.Serializer(format: null, codec: null, serializer);
    }

    private readonly FramedResultSerializer _framed;

    /// <summary>How values become bytes: the given serializer, reading every <see cref="ResultFormat"/> and <see cref="ResultCodec"/>.</summary>
    public IResultSerializer Serializer => _framed;

    /// <inheritdoc />
    public abstract ResultHandlerDescriptor Descriptor { get; }

    /// <inheritdoc />
    public async Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default)
    {
        using var bytes = _framed.SerializeRented(value, valueType);
        var location = await WriteBytesAsync(bytes.Memory, cancellationToken).ConfigureAwait(false);
        return JsonValue.Create(location);
    }

    /// <inheritdoc />
    public async Task<JsonNode?> WriteAsync(object? value, Type valueType, ResultKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var bytes = _framed.SerializeRented(value, valueType);
        var location = await WriteBytesAsync(bytes.Memory, key, cancellationToken).ConfigureAwait(false);
        return JsonValue.Create(location);
    }

    /// <inheritdoc />
    public JsonNode? LocationOf(ResultKey key) => LocationOfKey(key) is { } location ? JsonValue.Create(location) : null;

    /// <inheritdoc />
    public async Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default)
    {
        var text = LocationText(location);
        var bytes = await ReadBytesAsync(text, cancellationToken).ConfigureAwait(false);
        try
        {
            return _framed.Deserialize(bytes.AsMemory(), valueType);
        }
        catch (ResultSerializationException ex)
        {
            throw new ResultSerializationException($"The result at '{text}' (handler {Descriptor}) cannot be read: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(JsonNode? location, CancellationToken cancellationToken = default) =>
        DeleteBytesAsync(LocationText(location), cancellationToken);

    /// <summary>Stores bytes at a new location.</summary>
    /// <param name="data">The serialized value, in pooled memory: valid until the returned task ends, not after.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The location (an absolute path, a URI).</returns>
    protected abstract Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>
    /// Stores bytes at the location of <paramref name="key"/> (replacing what a previous write of the same key left).
    /// The default ignores the key and writes to a new location, as <see cref="WriteBytesAsync(ReadOnlyMemory{byte}, CancellationToken)"/>.
    /// </summary>
    /// <param name="data">The serialized value, in pooled memory: valid until the returned task ends, not after.</param>
    /// <param name="key">What the value is.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The location; it must equal <see cref="LocationOfKey"/> for a handler that overrides both.</returns>
    protected virtual Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, ResultKey key, CancellationToken cancellationToken) =>
        WriteBytesAsync(data, cancellationToken);

    /// <summary>Where a keyed write of <paramref name="key"/> goes; <see langword="null"/> (the default) when writes are not placed by key.</summary>
    /// <param name="key">The key.</param>
    protected virtual string? LocationOfKey(ResultKey key) => null;

    /// <summary>Deletes the bytes stored at a location; a location already gone is not an error.</summary>
    /// <param name="location">A location that <see cref="WriteBytesAsync(ReadOnlyMemory{byte}, CancellationToken)"/> returned.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    protected abstract Task DeleteBytesAsync(string location, CancellationToken cancellationToken);

    /// <summary>Reads the bytes stored at a location.</summary>
    /// <param name="location">A location that <see cref="WriteBytesAsync(ReadOnlyMemory{byte}, CancellationToken)"/> returned.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ResultLocationNotFoundException">Nothing is stored there.</exception>
    protected abstract Task<byte[]> ReadBytesAsync(string location, CancellationToken cancellationToken);

    /// <summary>The text of a string location, as this handler's writes return them.</summary>
    /// <param name="location">A location.</param>
    /// <exception cref="ArgumentException"><paramref name="location"/> is not a JSON string; the message names the handler and what it was given.</exception>
    protected string LocationText(JsonNode? location) =>
        location is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new ArgumentException(
                $"Handler {Descriptor} stores string locations, but was given {location?.ToJsonString() ?? "null"}.", nameof(location));
}
