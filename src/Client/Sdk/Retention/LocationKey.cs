using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Handlers.Encryption;
using Tributary.Results;

namespace Tributary.Client.Retention;

/// <summary>
/// A stored result's identity for retention: its handler and its location, a string location compared as the string
/// (whatever escaping its JSON used), so a result named twice (an output and a downstream's cached input) is one. An
/// encrypted result is the object its wrapped handler stores: its key id only says which key wrapped it, and a listing
/// of the run's prefix cannot know it.
/// </summary>
internal readonly record struct LocationKey(ResultHandlerDescriptor Handler, string Location)
{
    public static LocationKey Of(SafeResult result) => new(result.Handler, TextOf(result.Handler, result.Json));

    /// <summary>The stored object's location as text: a string location as it is, an encrypted one's inner location.</summary>
    public static string TextOf(ResultHandlerDescriptor handler, string json)
    {
        try
        {
            var node = JsonNode.Parse(json);
            if (handler.Kind == EncryptedResultHandler.Kind && node is JsonObject encrypted && encrypted["inner"] is { } inner)
            {
                node = inner;
            }

            return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? json;
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }
}
