using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Results;

/// <summary>
/// Writes <see cref="NoResult"/> as <c>{"noResult":true}</c> and reads that back as <see cref="NoResult.Instance"/>, so
/// that states and snapshots that hold it round-trip through System.Text.Json (its <see cref="NoResult.Value"/> is
/// itself, which the default converter would reject as an object cycle).
/// </summary>
public sealed class NoResultJsonConverter : JsonConverter<NoResult>
{
    private const string PropertyName = "noResult";

    /// <inheritdoc />
    public override NoResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected {{\"{PropertyName}\":true}} for NoResult, found {reader.TokenType}.");
        }

        var marked = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(PropertyName))
            {
                reader.Read();
                marked = reader.TokenType == JsonTokenType.True;
            }
            else
            {
                reader.Skip();
            }
        }

        return marked
            ? NoResult.Instance
            : throw new JsonException($"Expected {{\"{PropertyName}\":true}} for NoResult.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, NoResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteBoolean(PropertyName, true);
        writer.WriteEndObject();
    }
}
