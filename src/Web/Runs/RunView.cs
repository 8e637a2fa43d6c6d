namespace Tributary.Web.Runs;

/// <summary>A flow run as the run pages show it, and as <c>/api/runs/{id}</c> gives it as JSON: safe values only.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Flow">The flow's name (empty for an unknown run).</param>
/// <param name="Status">The run's status (<c>NotFound</c> for an id never started).</param>
/// <param name="IsFinal">Whether the run is over (the page stops polling).</param>
/// <param name="Message">Why the run failed, if it did.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Parameters">The run's parameters, as JSON text by name.</param>
/// <param name="Tasks">
/// Its tasks in topological order, a map's children after it: one page of them (see <see cref="Page"/>), or for a
/// view made from a whole snapshot, all of them (a map's first children, when there are many).
/// </param>
public sealed record RunView(
    string RunId,
    string Flow,
    string Status,
    bool IsFinal,
    string? Message,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<TaskView> Tasks)
{
    /// <summary>Which page of the task table <see cref="RunView.Tasks"/> is, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>How many pages the task table has (at least 1).</summary>
    public int Pages { get; init; } = 1;

    /// <summary>How many task runs the whole table has (a map's children included).</summary>
    public int TotalTasks { get; init; }

    /// <summary>How many task runs are in each status, statuses with none left out.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();

    /// <summary>The run's progress version (see <c>IFlowRunGrain.WaitForChangeAsync</c>); the live page waits for it to change.</summary>
    public string? Version { get; init; }
}
