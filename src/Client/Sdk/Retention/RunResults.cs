using Tributary.States;

namespace Tributary.Client.Retention;

/// <summary>One selected run and the stored results it owns.</summary>
public sealed record RunResults
{
    /// <summary>The run's id.</summary>
    public required string FlowRunId { get; init; }

    /// <summary>The run's flow.</summary>
    public required string FlowName { get; init; }

    /// <summary>The run's final status.</summary>
    public FlowRunStatus Status { get; init; }

    /// <summary>When the run ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The results to delete, each once (a result named twice, by an output and a downstream's cached input, is listed once).</summary>
    public required IReadOnlyList<StoredResult> Results { get; init; }

    /// <summary>
    /// Results of the run that an unexpired cache entry still serves (to later runs): left to the cache, whose own clear
    /// command (<c>cache clear</c>) removes its entries. Never deleted by retention.
    /// </summary>
    public IReadOnlyList<StoredResult> KeptForCache { get; init; } = [];
}
