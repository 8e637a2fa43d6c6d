namespace Tributary.Client.Retention;

/// <summary>
/// Which runs' stored results retention plans to delete: one run by id, or every run that ended more than
/// <see cref="OlderThan"/> ago (optionally of one flow), found through the run index. Runs still running are never selected.
/// </summary>
public sealed record RetentionSelection
{
    private RetentionSelection()
    {
    }

    /// <summary>The one run selected; <see langword="null"/> for a selection by age.</summary>
    public string? FlowRunId { get; private init; }

    /// <summary>How long ago a run must have ended to be selected; <see langword="null"/> for a selection of one run.</summary>
    public TimeSpan? OlderThan { get; private init; }

    /// <summary>With <see cref="OlderThan"/>: only runs of this flow; every flow when <see langword="null"/>.</summary>
    public string? FlowName { get; private init; }

    /// <summary>Selects one run.</summary>
    /// <param name="flowRunId">The run's id.</param>
    /// <exception cref="ArgumentException"><paramref name="flowRunId"/> is empty.</exception>
    public static RetentionSelection Run(string flowRunId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        return new RetentionSelection { FlowRunId = flowRunId };
    }

    /// <summary>Selects the runs that ended more than <paramref name="days"/> days ago.</summary>
    /// <param name="days">At least 0 (0 selects every run that has ended).</param>
    /// <param name="flowName">Only runs of this flow; every flow when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public static RetentionSelection EndedMoreThan(double days, string? flowName = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return new RetentionSelection { OlderThan = TimeSpan.FromDays(days), FlowName = string.IsNullOrWhiteSpace(flowName) ? null : flowName };
    }

    /// <inheritdoc />
    public override string ToString() => FlowRunId is { } run
        ? $"run '{run}'"
        : $"runs{(FlowName is { } flow ? $" of flow '{flow}'" : string.Empty)} ended more than {OlderThan!.Value.TotalDays:0.##} day(s) ago";
}
