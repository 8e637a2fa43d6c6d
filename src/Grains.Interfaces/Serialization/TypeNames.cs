using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Tributary.Serialization;

/// <summary>Version-free type names ("Namespace.Type, Assembly"), so stored results survive an upgrade.</summary>
public static partial class TypeNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    /// <summary>Gives the assembly-qualified name of a type without versions, cultures or key tokens (generic arguments included).</summary>
    /// <param name="type">The type.</param>
    public static string Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Names.GetOrAdd(type, static t => AssemblyDetails().Replace(
            t.AssemblyQualifiedName ?? throw new ArgumentException($"The type {t} has no assembly-qualified name.", nameof(type)),
            string.Empty));
    }

    /// <summary>Finds a type by a name that <see cref="Of"/> gave.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="ResultSerializationException">No loaded or loadable assembly has the type.</exception>
    public static Type Resolve(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Type.GetType(name, throwOnError: false)
               ?? throw new ResultSerializationException(
                   $"The stored result's type '{name}' cannot be found on this host; load the assembly that defines it, " +
                   "or read the result with an explicit type.");
    }

    [GeneratedRegex(@", (Version|Culture|PublicKeyToken)=[^,\]]+")]
    private static partial Regex AssemblyDetails();
}
