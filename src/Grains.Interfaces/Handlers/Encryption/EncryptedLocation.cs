using System.Text.Json.Nodes;

namespace Tributary.Handlers.Encryption;

/// <summary>
/// The encrypting handler's safe value: <c>{"keyId": "...", "inner": INNER}</c>, where INNER is the inner handler's safe
/// value (a path, a URI) and the key id is the key the result was written under. No key material, not even wrapped.
/// </summary>
internal static class EncryptedLocation
{
    public const string KeyIdProperty = "keyId";
    public const string InnerProperty = "inner";

    /// <summary>The safe value of an object stored at <paramref name="inner"/> under <paramref name="keyId"/>.</summary>
    public static JsonObject Create(string keyId, JsonNode? inner) => new()
    {
        [KeyIdProperty] = keyId,
        [InnerProperty] = inner?.DeepClone(),
    };

    /// <summary>The key id and the inner location of a safe value.</summary>
    /// <exception cref="ArgumentException">It is not an encrypting handler's safe value.</exception>
    public static (string KeyId, JsonNode? Inner) Parse(JsonNode? location, ResultHandlerDescriptor handler)
    {
        if (location is JsonObject obj
            && obj.TryGetPropertyValue(KeyIdProperty, out var keyId)
            && keyId is JsonValue keyValue
            && keyValue.TryGetValue<string>(out var id)
            && obj.TryGetPropertyValue(InnerProperty, out var inner))
        {
            return (id, inner?.DeepClone());
        }

        throw new ArgumentException(
            $"Handler {handler} reads locations of the form {{\"{KeyIdProperty}\": ..., \"{InnerProperty}\": ...}}, but was given "
            + $"{location?.ToJsonString() ?? "null"}.",
            nameof(location));
    }

    /// <summary>The inner location as text for messages: a string as it is, anything else as JSON.</summary>
    public static string Text(JsonNode? inner) =>
        inner is JsonValue value && value.TryGetValue<string>(out var text) ? text : inner?.ToJsonString() ?? "null";
}
