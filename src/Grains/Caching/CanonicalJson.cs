using System.Globalization;
using System.Text.Json;

namespace Tributary.Caching;

/// <summary>
/// The canonical form of a JSON value, so that equal values give equal bytes: object members sorted by name (ordinal),
/// numbers normalized (<c>2</c>, <c>2.0</c> and <c>2e0</c> are one number), strings re-escaped, no whitespace.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The canonical UTF-8 bytes of <paramref name="json"/>.</summary>
    /// <exception cref="JsonException">It is not JSON.</exception>
    public static byte[] Of(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false }))
        {
            Write(writer, document.RootElement);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(Number(element.GetRawText()), skipInputValidation: true);
                break;
            default:
                element.WriteTo(writer); // true, false, null
                break;
        }
    }

    private static string Number(string raw)
    {
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            // G29 drops trailing zeros: 2.0 and 2 are written alike.
            return exact.ToString("G29", CultureInfo.InvariantCulture);
        }

        return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }
}
