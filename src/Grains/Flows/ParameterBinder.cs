using System.Collections.Immutable;
using System.Text.Json;
using Tributary.Serialization;

namespace Tributary.Flows;

/// <summary>Checks a run's parameters against a flow and gives them as normalized JSON, defaults filled in.</summary>
public static class ParameterBinder
{
    /// <summary>
    /// The most bytes (UTF-8) a run's parameters may take as JSON, all together. They are stored inline with the run and
    /// handed to every task that takes one, so large data goes by reference (a path, a URI) instead.
    /// </summary>
    public const int MaxParametersBytes = 256 * 1024;

    /// <summary>Binds parameters.</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="given">The values given, as JSON text by name. For a string parameter, text that is not JSON is taken as the string itself.</param>
    /// <exception cref="FlowValidationException">Lists every unknown, missing or ill-typed parameter.</exception>
    public static ImmutableDictionary<string, string> Bind(FlowDefinition flow, IReadOnlyDictionary<string, string> given)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(given);
        var problems = new List<string>();
        var known = string.Join(", ", flow.Parameters.Keys);
        foreach (var name in given.Keys.Where(name => !flow.Parameters.ContainsKey(name)))
        {
            problems.Add($"unknown parameter '{name}' (parameters: {(known.Length == 0 ? "none" : known)})");
        }

        var bound = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var parameter in flow.Parameters.Values)
        {
            if (given.TryGetValue(parameter.Name, out var json))
            {
                if (TryNormalize(json, parameter.OutputType, out var normalized, out var error))
                {
                    bound[parameter.Name] = normalized;
                }
                else
                {
                    problems.Add($"parameter '{parameter.Name}' expects a {parameter.OutputType.Name}, but got {json} ({error})");
                }
            }
            else if (parameter.Required)
            {
                problems.Add($"missing required parameter '{parameter.Name}' (a {parameter.OutputType.Name})");
            }
            else
            {
                bound[parameter.Name] = parameter.DefaultJson!;
            }
        }

        var bytes = bound.Sum(pair => (long)System.Text.Encoding.UTF8.GetByteCount(pair.Value));
        if (bytes > MaxParametersBytes)
        {
            var largest = bound.MaxBy(pair => pair.Value.Length);
            problems.Add(
                $"the parameters take {bytes / 1024} KB as JSON, over the limit of {MaxParametersBytes / 1024} KB (the largest is " +
                $"'{largest.Key}'): pass large data by reference, such as a path or a URI");
        }

        if (problems.Count > 0)
        {
            throw FlowValidationException.ForParameters(flow.Name, problems);
        }

        return bound.ToImmutable();
    }

    private static bool TryNormalize(string json, Type type, out string normalized, out string error)
    {
        var options = SystemTextJsonResultSerializer.Default.Options;
        try
        {
            var value = JsonSerializer.Deserialize(json, type, options);
            if (value is null && type.IsValueType && Nullable.GetUnderlyingType(type) is null)
            {
                throw new JsonException("null is not a value of this type");
            }

            normalized = JsonSerializer.Serialize(value, type, options);
            error = string.Empty;
            return true;
        }
        catch (JsonException) when (type == typeof(string))
        {
            // A bare word on a command line (--param name=Ada) is the string itself.
            normalized = JsonSerializer.Serialize(json, options);
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            normalized = string.Empty;
            error = WithoutPosition(ex.Message);
            return false;
        }
    }

    /// <summary>
    /// The error without the position System.Text.Json appends (" Path: $ | LineNumber: 0 | BytePositionInLine: 6."),
    /// which says nothing for a single value, and without its closing full stop (the message goes in parentheses).
    /// </summary>
    private static string WithoutPosition(string message)
    {
        var position = message.LastIndexOf(" Path: $", StringComparison.Ordinal);
        return (position >= 0 ? message[..position] : message).TrimEnd().TrimEnd('.');
    }
}
