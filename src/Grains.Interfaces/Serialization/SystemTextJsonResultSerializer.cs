using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Serialization;

/// <summary>The default serializer: UTF-8 JSON through System.Text.Json, typed by the declared C# type.</summary>
public sealed class SystemTextJsonResultSerializer : IResultSerializer
{
    /// <summary>Creates a serializer.</summary>
    /// <param name="options">System.Text.Json options; defaults that include fields when <see langword="null"/>.</param>
    public SystemTextJsonResultSerializer(JsonSerializerOptions? options = null)
    {
        Options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.General) { IncludeFields = true };
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    /// <summary>The shared default instance.</summary>
    public static SystemTextJsonResultSerializer Default { get; } = new();

    /// <summary>The System.Text.Json options in use (read-only).</summary>
    public JsonSerializerOptions Options { get; }

    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public string FileExtension => ".json";

    /// <inheritdoc />
    public byte[] Serialize(object? value, Type type)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, type, Options);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw WriteFailure(type, ex);
        }
    }

    /// <summary>Serializes a value as UTF-8 JSON into <paramref name="stream"/>, the same bytes as <see cref="Serialize(object?, Type)"/> without the array.</summary>
    /// <param name="stream">Where the bytes go.</param>
    /// <param name="value">The value; may be <see langword="null"/>.</param>
    /// <param name="type">The type to serialize it as.</param>
    public void Serialize(Stream stream, object? value, Type type)
    {
        try
        {
            JsonSerializer.Serialize(stream, value, type, Options);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw WriteFailure(type, ex);
        }
    }

    /// <inheritdoc />
    public object? Deserialize(ReadOnlySpan<byte> data, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(data, type, Options);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw new ResultSerializationException($"The stored JSON cannot be read as a {type.FullName}: {ex.Message}", ex);
        }
    }

    /// <summary>Converts a value to a JSON node (the JSON handler's safe value).</summary>
    /// <param name="value">The value; may be <see langword="null"/>.</param>
    /// <param name="type">The type to serialize it as.</param>
    public JsonNode? SerializeToNode(object? value, Type type)
    {
        try
        {
            return JsonSerializer.SerializeToNode(value, type, Options);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw WriteFailure(type, ex);
        }
    }

    /// <summary>Reads a value from a JSON node.</summary>
    /// <param name="node">The JSON; <see langword="null"/> for JSON null.</param>
    /// <param name="type">The type to read it as.</param>
    public object? DeserializeNode(JsonNode? node, Type type)
    {
        try
        {
            return node is null ? JsonSerializer.Deserialize("null", type, Options) : node.Deserialize(type, Options);
        }
        catch (Exception ex) when (IsFailure(ex))
        {
            throw new ResultSerializationException($"The JSON {node?.ToJsonString() ?? "null"} cannot be read as a {type.FullName}: {ex.Message}", ex);
        }
    }

    private static bool IsFailure(Exception ex) => ex is NotSupportedException or JsonException or InvalidOperationException;

    private static ResultSerializationException WriteFailure(Type type, Exception ex) =>
        new($"A {type.FullName} cannot be serialized as JSON: {ex.Message}", ex);
}
