using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Handlers;

/// <summary>Checks that a handler's write output is JSON only, and converts it to and from JSON text.</summary>
internal static class SafeJson
{
    /// <summary>Checks <paramref name="node"/> holds JSON only and gives its compact text.</summary>
    /// <exception cref="ResultHandlerContractException">Some part of the node is not JSON; the message gives its path.</exception>
    public static string ToCheckedJson(JsonNode? node, ResultHandlerDescriptor handler)
    {
        EnsureJsonOnly(node, handler);
        return node?.ToJsonString() ?? "null";
    }

    /// <summary>Parses JSON text, naming the parameter on failure.</summary>
    public static JsonNode? Parse(string json, string paramName)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"'{json}' is not valid JSON: {ex.Message}", paramName, ex);
        }
    }

    private static void EnsureJsonOnly(JsonNode? node, ResultHandlerDescriptor handler)
    {
        switch (node)
        {
            case null:
                return;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    EnsureJsonOnly(child, handler);
                }

                return;
            case JsonArray array:
                foreach (var child in array)
                {
                    EnsureJsonOnly(child, handler);
                }

                return;
            case JsonValue value:
                EnsurePrimitive(value, handler);
                return;
        }
    }

    private static void EnsurePrimitive(JsonValue value, ResultHandlerDescriptor handler)
    {
        if (value.TryGetValue<JsonElement>(out _))
        {
            // A node parsed from JSON text is JSON by construction.
            return;
        }

        var ok = value.TryGetValue<string>(out _)
                 || value.TryGetValue<bool>(out _)
                 || IsFiniteNumber(value);
        if (!ok)
        {
            var held = value.GetType().GenericTypeArguments.FirstOrDefault()?.FullName ?? value.GetType().FullName;
            throw new ResultHandlerContractException(
                $"Result handler {handler} returned a write output that is not JSON: at '{value.GetPath()}' it holds a {held}. " +
                "A handler's write must return only JSON strings, numbers, booleans, null, arrays and objects (e.g. a path or a URI).");
        }
    }

    private static bool IsFiniteNumber(JsonValue value)
    {
        if (value.TryGetValue<double>(out var d))
        {
            return double.IsFinite(d);
        }

        if (value.TryGetValue<float>(out var f))
        {
            return float.IsFinite(f);
        }

        return value.TryGetValue<decimal>(out _) || value.TryGetValue<long>(out _) || value.TryGetValue<int>(out _)
               || value.TryGetValue<ulong>(out _) || value.TryGetValue<uint>(out _) || value.TryGetValue<short>(out _)
               || value.TryGetValue<ushort>(out _) || value.TryGetValue<byte>(out _) || value.TryGetValue<sbyte>(out _);
    }
}
