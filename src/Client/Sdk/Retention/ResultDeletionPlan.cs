namespace Tributary.Client.Retention;

/// <summary>
/// What retention would delete (a dry run): the selected runs and every result they stored, from
/// <see cref="ITributaryRetentionClient.PlanResultDeletionAsync"/>. Nothing is deleted by making a plan.
/// </summary>
public sealed record ResultDeletionPlan
{
    /// <summary>The selection the plan was made for.</summary>
    public required RetentionSelection Selection { get; init; }

    /// <summary>The selected runs, newest start first.</summary>
    public required IReadOnlyList<RunResults> Runs { get; init; }

    /// <summary>Every result to delete, of every run.</summary>
    public IEnumerable<StoredResult> Results => Runs.SelectMany(run => run.Results);
}
