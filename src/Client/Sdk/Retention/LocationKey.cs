using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;

namespace Tributary.Client.Retention;

/// <summary>
/// A stored result's identity for retention: its handler and its location, a string location compared as the string
/// (whatever escaping its JSON used), so a result named twice (an output and a downstream's cached input) is one.
/// </summary>
internal readonly record struct LocationKey(ResultHandlerDescriptor Handler, string Location)
{
    public static LocationKey Of(SafeResult result) => new(result.Handler, TextOf(result.Json));

    private static string TextOf(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonValue value && value.TryGetValue<string>(out var text) ? text : json;
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }
}
