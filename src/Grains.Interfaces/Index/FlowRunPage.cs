namespace Tributary.Index;

/// <summary>One page of listed runs, newest first, and the token of the next page.</summary>
[GenerateSerializer, Immutable, Alias("tributary.flow-run-page")]
public sealed record FlowRunPage
{
    /// <summary>The runs, newest start first (ties by run id, descending).</summary>
    [Id(0)]
    public required IReadOnlyList<FlowRunSummary> Runs { get; init; }

    /// <summary>
    /// Gives the next page when passed back; <see langword="null"/> on the last page. A token names the last run given
    /// (its start and id), not an offset: runs started meanwhile never shift later pages, so pages have neither
    /// duplicates nor gaps.
    /// </summary>
    [Id(1)]
    public string? NextPageToken { get; init; }
}
