namespace Tributary.Client.Retention;

/// <summary>What <see cref="ITributaryRetentionClient.DeleteResultsAsync(ResultDeletionPlan, bool, CancellationToken)"/> did, run by run.</summary>
public sealed record ResultDeletionReport
{
    /// <summary>Each run of the plan.</summary>
    public required IReadOnlyList<RunDeletionReport> Runs { get; init; }

    /// <summary>Whether anything failed: a result not deleted, or a run not deleted that was to be.</summary>
    public bool HasFailures => Runs.Any(run => run.Results.Any(result => result.Outcome == ResultDeletionOutcome.Failed) || run.RunError is not null);
}
