using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tributary.Handlers;

/// <summary>
/// A serializable description of a result handler: its kind (a stable name such as <c>"local"</c>,
/// <c>"azure-blob"</c> or a user's own) and its non-secret settings (a directory, a container).
/// </summary>
/// <remarks>
/// A descriptor is stored inside every <see cref="Results.SafeResult"/>, so it must never hold credentials:
/// any host rebuilds the handler from it with its own configured credentials through an
/// <see cref="IResultHandlerCatalog"/>. Two descriptors are equal when kind and settings are equal.
/// </remarks>
[GenerateSerializer, Immutable, Alias("tributary.handler-descriptor")]
public sealed class ResultHandlerDescriptor : IEquatable<ResultHandlerDescriptor>
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="kind">The handler kind, as registered with <see cref="ResultHandlerCatalog"/>.</param>
    /// <param name="settings">Non-secret settings; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is empty.</exception>
    public ResultHandlerDescriptor(string kind, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        Kind = kind;
        Settings = settings is null
            ? ImmutableSortedDictionary<string, string>.Empty
            : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, settings);
    }

    /// <summary>Creates a descriptor as System.Text.Json reads one back (the members as written).</summary>
    /// <param name="kind">The handler kind.</param>
    /// <param name="settings">The settings.</param>
    [JsonConstructor]
    public ResultHandlerDescriptor(string kind, ImmutableSortedDictionary<string, string>? settings)
        : this(kind, (IEnumerable<KeyValuePair<string, string>>?)settings)
    {
    }

    /// <summary>The handler kind, e.g. <c>"json"</c>, <c>"local"</c>, <c>"azure-blob"</c>.</summary>
    [Id(0)]
    public string Kind { get; }

    /// <summary>Non-secret settings, sorted by key.</summary>
    [Id(1)]
    public ImmutableSortedDictionary<string, string> Settings { get; }

    /// <summary>Gives a setting's value, or <see langword="null"/> when it is not set.</summary>
    /// <param name="key">The setting's name.</param>
    public string? GetSetting(string key) => Settings.TryGetValue(key, out var value) ? value : null;

    /// <inheritdoc />
    public bool Equals(ResultHandlerDescriptor? other) =>
        other is not null
        && Kind == other.Kind
        && Settings.Count == other.Settings.Count
        && Settings.All(pair => other.Settings.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ResultHandlerDescriptor other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        foreach (var (key, value) in Settings)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        Settings.Count == 0 ? Kind : $"{Kind}({string.Join(", ", Settings.Select(p => $"{p.Key}={p.Value}"))})";
}
