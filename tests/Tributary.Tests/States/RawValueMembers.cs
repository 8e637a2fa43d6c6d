using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Results;

namespace Tributary.Tests.States;

/// <summary>
/// Walks a persisted state type the way Orleans' serializer does (every member marked <c>[Id]</c>, through base types,
/// into member types and generic arguments) and lists each member whose type could carry a raw task output.
/// </summary>
/// <remarks>
/// Refused: <see cref="object"/> (and so <c>dynamic</c>), <see cref="Result"/>, <see cref="ResultBase"/>,
/// <see cref="NoResult"/>, JSON DOM types, delegates, interfaces and abstract types other than read-only collection
/// interfaces, classes that are not sealed (a subclass could add a field), and any type that is neither a known leaf,
/// a known collection nor a serializable type with <c>[Id]</c> members (it cannot be vouched for).
/// </remarks>
public static class RawValueMembers
{
    private static readonly HashSet<Type> Leaves =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid), typeof(DateOnly), typeof(TimeOnly),
    ];

    private static readonly HashSet<Type> Collections =
    [
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableHashSet<>), typeof(ImmutableSortedSet<>),
        typeof(ImmutableDictionary<,>), typeof(ImmutableSortedDictionary<,>), typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>),
        typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyDictionary<,>), typeof(IReadOnlySet<>),
    ];

    private static readonly Type[] RawCarriers = [typeof(object), typeof(ResultBase), typeof(Result), typeof(NoResult), typeof(JsonNode), typeof(JsonElement), typeof(JsonDocument)];

    /// <summary>Walks <paramref name="root"/>.</summary>
    /// <returns>The problems (member path: why), and every type visited.</returns>
    public static (IReadOnlyList<string> Problems, IReadOnlySet<Type> Visited) Find(Type root)
    {
        var problems = new List<string>();
        var visited = new HashSet<Type>();
        Visit(root, root.Name, problems, visited);
        return (problems, visited);
    }

    private static void Visit(Type type, string path, List<string> problems, HashSet<Type> visited)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            type = underlying;
        }

        if (RawCarriers.Any(carrier => carrier == type || (carrier != typeof(object) && carrier.IsAssignableFrom(type) && type != typeof(SafeResult))))
        {
            problems.Add($"{path}: {Name(type)} can carry a raw value");
            return;
        }

        if (!visited.Add(type) || type.IsPrimitive || type.IsEnum || Leaves.Contains(type))
        {
            return;
        }

        if (type.IsArray)
        {
            Visit(type.GetElementType()!, $"{path}[]", problems, visited);
        }
        else if (type.IsGenericType && Collections.Contains(type.GetGenericTypeDefinition()))
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Visit(argument, $"{path}<{Name(argument)}>", problems, visited);
            }
        }
        else if (typeof(Delegate).IsAssignableFrom(type) || type.IsInterface || type.IsAbstract)
        {
            problems.Add($"{path}: {Name(type)} is an interface, abstract or a delegate, so any implementation could be stored there");
        }
        else if (type.GetCustomAttribute<GenerateSerializerAttribute>() is null)
        {
            problems.Add($"{path}: {Name(type)} is not a known leaf, collection or [GenerateSerializer] type, so it cannot be vouched for");
        }
        else if (type.IsClass && !type.IsSealed)
        {
            problems.Add($"{path}: {Name(type)} is not sealed, so a subclass with any field could be stored there");
        }
        else
        {
            foreach (var (memberType, name) in IdMembers(type))
            {
                Visit(memberType, $"{path}.{name}", problems, visited);
            }
        }
    }

    private static IEnumerable<(Type Type, string Name)> IdMembers(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var member in current.GetMembers(all).Where(m => m.GetCustomAttribute<IdAttribute>() is not null))
            {
                switch (member)
                {
                    case FieldInfo field:
                        yield return (field.FieldType, field.Name);
                        break;
                    case PropertyInfo property:
                        yield return (property.PropertyType, property.Name);
                        break;
                }
            }
        }
    }

    private static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>" : type.Name;
}
