using System.Collections.Immutable;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Caching;

/// <summary>
/// One cached output under a cache key: where the output is (a <see cref="SafeResult"/>, never the value), what the
/// validator needs to compare (keyed digests, never values), who produced it and until when it may answer.
/// </summary>
/// <remarks>Persisted by the key's cache grain and returned by the client API: safe values and digests only.</remarks>
[GenerateSerializer, Immutable, Alias("tributary.cache-entry")]
public sealed record CacheEntry
{
    /// <summary>The entry's id, unique under its key (shown by <c>tributary cache list</c>, taken by <c>cache clear --entry</c>).</summary>
    [Id(0)]
    public required string Id { get; init; }

    /// <summary>The output, written through the producing task's resolved handler; read back through the handler it names.</summary>
    [Id(1)]
    public required SafeResult Output { get; init; }

    /// <summary>The <see cref="Flows.TaskOptions.CacheVersion"/> the entry was made under; only tasks of that version use it.</summary>
    [Id(2)]
    public string? Version { get; init; }

    /// <summary>
    /// Keyed digests of the producing run's task inputs that its validator selected, by input name;
    /// <see langword="null"/> when none were selected.
    /// </summary>
    [Id(3)]
    public ImmutableDictionary<string, string>? InputDigests { get; init; }

    /// <summary>Keyed digests of the producing run's parameters that its validator selected; <see langword="null"/> when none were.</summary>
    [Id(4)]
    public ImmutableDictionary<string, string>? ParameterDigests { get; init; }

    /// <summary>The flow of the producing task.</summary>
    [Id(5)]
    public required string FlowName { get; init; }

    /// <summary>The run that produced the entry.</summary>
    [Id(6)]
    public required string FlowRunId { get; init; }

    /// <summary>The task that produced the entry.</summary>
    [Id(7)]
    public required string TaskName { get; init; }

    /// <summary>When the entry was made.</summary>
    [Id(8)]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops answering (created + <see cref="Flows.TaskOptions.CacheFor"/>); <see langword="null"/> for never.</summary>
    [Id(9)]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>
    /// The identity of the producing task's code (a hash of its method's IL, as in <see cref="Flows.FlowDefinition.Version"/>):
    /// a task whose code differs still uses the entry, and logs a warning.
    /// </summary>
    [Id(10)]
    public string? CodeIdentity { get; init; }

    /// <summary>How many task runs this entry answered.</summary>
    [Id(11)]
    public int Hits { get; init; }

    /// <summary>Whether the entry has expired at <paramref name="now"/>.</summary>
    /// <param name="now">The time.</param>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;

    /// <summary>Whether two entries are equal member by member, digests compared by their contents.</summary>
    /// <param name="other">The other entry.</param>
    public bool Equals(CacheEntry? other) =>
        other is not null
        && Id == other.Id
        && Equals(Output, other.Output)
        && Version == other.Version
        && StateEquality.DictionariesEqual(InputDigests, other.InputDigests)
        && StateEquality.DictionariesEqual(ParameterDigests, other.ParameterDigests)
        && FlowName == other.FlowName
        && FlowRunId == other.FlowRunId
        && TaskName == other.TaskName
        && CreatedAt == other.CreatedAt
        && ExpiresAt == other.ExpiresAt
        && CodeIdentity == other.CodeIdentity
        && Hits == other.Hits;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Output, CreatedAt);
}
