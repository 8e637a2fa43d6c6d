namespace Tributary.Client.Retention;

/// <summary>What retention did to one run.</summary>
public sealed record RunDeletionReport
{
    /// <summary>The run's id.</summary>
    public required string FlowRunId { get; init; }

    /// <summary>Each result of the run, and what became of it.</summary>
    public required IReadOnlyList<ResultDeletion> Results { get; init; }

    /// <summary>Results left to the cache (see <see cref="RunResults.KeptForCache"/>).</summary>
    public IReadOnlyList<StoredResult> KeptForCache { get; init; } = [];

    /// <summary>
    /// Whether every result of the run is gone: none failed and none is kept for the cache. Only then is the run itself
    /// deleted, so that a run always names what it left (a result the cache serves is deleted by a later retention, once
    /// its entry expired or was cleared).
    /// </summary>
    public bool Cleaned => Skipped is null && KeptForCache.Count == 0 && Results.All(result => result.Outcome != ResultDeletionOutcome.Failed);

    /// <summary>Whether the run itself (its state and its index entry) was deleted.</summary>
    public bool RunDeleted { get; init; }

    /// <summary>Why the run was left untouched (it is running again, say); <see langword="null"/> when it was not.</summary>
    public string? Skipped { get; init; }

    /// <summary>Why the run's own deletion failed after its results were gone; <see langword="null"/> when it did not.</summary>
    public string? RunError { get; init; }
}
