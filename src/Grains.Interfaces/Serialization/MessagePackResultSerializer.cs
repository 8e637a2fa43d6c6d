using System.Buffers;
using MessagePack;
using MessagePack.Resolvers;

namespace Tributary.Serialization;

/// <summary>
/// A binary serializer: MessagePack with the contractless resolver, typed by the declared C# type. Byte arrays are
/// stored as raw binary (JSON stores them as base64, a third larger), numbers in their compact binary forms.
/// </summary>
/// <remarks>
/// <para>
/// Supported: primitives, strings, <see cref="decimal"/>, <see cref="Guid"/>, <see cref="DateTime"/>,
/// <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/>, enums, nullable values, byte arrays, arrays, lists,
/// dictionaries, sets and read-only collection interfaces, and public classes, records and structs (members keyed by
/// name; records are rebuilt through their constructor), as well as types marked <c>[MessagePackObject]</c>. Not
/// supported: non-public types, members typed <see cref="object"/> that hold user types (read back as dictionaries),
/// and System.Text.Json's <c>JsonNode</c>/<c>JsonElement</c>: store those as JSON.
/// </para>
/// <para>
/// Values are always read as the requested type: the typeless resolver (which records .NET type names in the data and
/// instantiates them when reading) is never used, and reading applies MessagePack's untrusted-data limits (depth, hash
/// collision resistance), because stored bytes come from outside the process.
/// </para>
/// </remarks>
public sealed class MessagePackResultSerializer : IResultSerializer
{
    /// <summary>The shared default instance.</summary>
    public static MessagePackResultSerializer Default { get; } = new();

    /// <summary>The MessagePack options in use: contractless resolver, untrusted-data security.</summary>
    public MessagePackSerializerOptions Options { get; } = MessagePackSerializerOptions.Standard
        .WithResolver(ContractlessStandardResolver.Instance)
        .WithSecurity(MessagePackSecurity.UntrustedData);

    /// <inheritdoc />
    public string Name => "msgpack";

    /// <inheritdoc />
    public string FileExtension => ".msgpack";

    /// <inheritdoc />
    public byte[] Serialize(object? value, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            return MessagePackSerializer.Serialize(type, value, Options);
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            throw WriteFailure(type, ex);
        }
    }

    /// <summary>Serializes a value straight into <paramref name="writer"/> (no intermediate array).</summary>
    /// <param name="writer">Where the bytes go.</param>
    /// <param name="value">The value; may be <see langword="null"/>.</param>
    /// <param name="type">The type to serialize it as.</param>
    public void Serialize(IBufferWriter<byte> writer, object? value, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            MessagePackSerializer.Serialize(type, writer, value, Options);
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            throw WriteFailure(type, ex);
        }
    }

    /// <inheritdoc />
    /// <remarks>Copies the bytes once (MessagePack reads from memory, not a span); <see cref="Deserialize(ReadOnlyMemory{byte}, Type)"/> does not.</remarks>
    public object? Deserialize(ReadOnlySpan<byte> data, Type type) => Deserialize(new ReadOnlyMemory<byte>(data.ToArray()), type);

    /// <summary>Deserializes a value from memory without copying it.</summary>
    /// <param name="data">Bytes written by <see cref="Serialize(object?, Type)"/>.</param>
    /// <param name="type">The type to read the value as.</param>
    /// <exception cref="ResultSerializationException">The bytes cannot be read as <paramref name="type"/>.</exception>
    public object? Deserialize(ReadOnlyMemory<byte> data, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            return MessagePackSerializer.Deserialize(type, data, Options);
        }
        catch (Exception ex) when (ex is MessagePackSerializationException or NotSupportedException or InvalidOperationException
                                       or EndOfStreamException or InvalidCastException or TypeLoadException)
        {
            throw new ResultSerializationException($"The stored MessagePack cannot be read as a {type.FullName}: {Innermost(ex).Message}", ex);
        }
    }

    private static bool IsWriteFailure(Exception ex) =>
        ex is MessagePackSerializationException or NotSupportedException or InvalidOperationException or TypeLoadException;

    private static ResultSerializationException WriteFailure(Type type, Exception ex) =>
        new($"A {type.FullName} cannot be serialized as MessagePack: {Innermost(ex).Message}", ex);

    private static Exception Innermost(Exception ex) => ex.InnerException is { } inner ? Innermost(inner) : ex;
}
