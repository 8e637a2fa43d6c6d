namespace Tributary.Caching;

/// <summary>The answer to a request for a key's compute lease (see <see cref="ICacheGrain.TryLeaseAsync"/>).</summary>
[GenerateSerializer, Immutable, Alias("tributary.cache-lease")]
public sealed record CacheLease
{
    /// <summary>Whether the caller holds the lease now (and should compute, then add its entry).</summary>
    [Id(0)]
    public bool Granted { get; init; }

    /// <summary>Who holds it when not granted: a flow run id and task name.</summary>
    [Id(1)]
    public string? Holder { get; init; }

    /// <summary>When the holder's lease lapses (then another may take it); set when not granted.</summary>
    [Id(2)]
    public DateTimeOffset? Until { get; init; }
}
