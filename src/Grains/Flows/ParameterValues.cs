using System.Text.Json;

namespace Tributary.Flows;

/// <summary>Compares a run's bound parameters as JSON values, not as text.</summary>
internal static class ParameterValues
{
    /// <summary>
    /// Whether two sets of parameters (JSON text by name) hold the same names with the same values: numbers by value
    /// (<c>2</c> and <c>2.0</c>), objects whatever the order of their members.
    /// </summary>
    public static bool AreEqual(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (name, json) in left)
        {
            if (!right.TryGetValue(name, out var other) || !SameJson(json, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two JSON texts hold the same value; text that is not JSON equals only the same text.</summary>
    public static bool SameJson(string left, string right)
    {
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            using var a = JsonDocument.Parse(left);
            using var b = JsonDocument.Parse(right);
            return JsonElement.DeepEquals(a.RootElement, b.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
