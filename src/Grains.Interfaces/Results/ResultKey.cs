using System.Globalization;
using System.Text;

namespace Tributary.Results;

/// <summary>
/// Names what a result is (the output of one attempt of one task of one run), so that a handler can place it where an
/// operator finds it (by date, flow, run, task) and where the engine finds it again after a crash.
/// </summary>
/// <remarks>
/// A key is recorded in the task run's state before its checkpoint is written. A handler that places writes by key
/// (<see cref="Handlers.IResultHandler.LocationOf"/>) lets the next activation find a checkpoint that was written just
/// before its silo died, and adopt it instead of running the task again or leaving it orphaned.
/// </remarks>
/// <param name="FlowName">The flow.</param>
/// <param name="FlowRunId">The run.</param>
/// <param name="TaskName">The task.</param>
/// <param name="Attempt">The attempt, from 1.</param>
/// <param name="Nonce">
/// A random part, so that no two writes share a name; empty for the engine's checkpoints, whose names are derived from
/// the attempt so that a rerun of an attempt overwrites what a crashed one left instead of orphaning it.
/// </param>
/// <param name="CreatedOn">The day the key was made (UTC), the first level of the path.</param>
[GenerateSerializer, Immutable, Alias("tributary.result-key")]
public sealed record ResultKey(
    [property: Id(0)] string FlowName,
    [property: Id(1)] string FlowRunId,
    [property: Id(2)] string TaskName,
    [property: Id(3)] int Attempt,
    [property: Id(4)] string Nonce,
    [property: Id(5)] DateOnly CreatedOn)
{
    /// <summary>A new key for an attempt, made today, with a fresh nonce.</summary>
    public static ResultKey For(string flowName, string flowRunId, string taskName, int attempt, TimeProvider time) =>
        new(flowName, flowRunId, taskName, attempt, Guid.NewGuid().ToString("N")[..12], DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    /// <summary>
    /// The key of an attempt's output, derived from the attempt alone (no nonce): the same attempt always gets the same
    /// name, so a rerun overwrites what a crashed run of it wrote.
    /// </summary>
    /// <param name="flowName">The flow.</param>
    /// <param name="flowRunId">The run.</param>
    /// <param name="taskName">The task.</param>
    /// <param name="attempt">The attempt, from 1.</param>
    /// <param name="startedOn">When the task first started (UTC): the date part of the path.</param>
    public static ResultKey OfAttempt(string flowName, string flowRunId, string taskName, int attempt, DateTimeOffset startedOn) =>
        new(flowName, flowRunId, taskName, attempt, string.Empty, DateOnly.FromDateTime(startedOn.UtcDateTime));

    /// <summary>
    /// The common prefix of the relative paths (<see cref="ToRelativePath"/>) of every key of one run made on one day,
    /// <c>yyyy/MM/dd/flow/run/</c> (with its closing slash), under which a handler that places writes by key lists the run's results.
    /// </summary>
    /// <param name="flowName">The run's flow.</param>
    /// <param name="flowRunId">The run.</param>
    /// <param name="day">The day (UTC) the keys were made.</param>
    public static string RunPrefix(string flowName, string flowRunId, DateOnly day)
    {
        ArgumentException.ThrowIfNullOrEmpty(flowName);
        ArgumentException.ThrowIfNullOrEmpty(flowRunId);
        return string.Join(
            '/',
            day.ToString("yyyy", CultureInfo.InvariantCulture),
            day.ToString("MM", CultureInfo.InvariantCulture),
            day.ToString("dd", CultureInfo.InvariantCulture),
            Segment(flowName),
            Segment(flowRunId),
            string.Empty);
    }

    /// <summary>
    /// The key as a relative path of safe segments, <c>yyyy/MM/dd/flow/run/task/attempt-N[-nonce]</c>: characters other
    /// than letters, digits, '-', '_' and '.' become '_' (and a segment of dots only is prefixed), so that no segment
    /// can climb out of a directory or a prefix.
    /// </summary>
    public string ToRelativePath() => string.Join(
        '/',
        CreatedOn.ToString("yyyy", CultureInfo.InvariantCulture),
        CreatedOn.ToString("MM", CultureInfo.InvariantCulture),
        CreatedOn.ToString("dd", CultureInfo.InvariantCulture),
        Segment(FlowName),
        Segment(FlowRunId),
        Segment(TaskName),
        Nonce.Length == 0
            ? $"attempt-{Attempt.ToString(CultureInfo.InvariantCulture)}"
            : $"attempt-{Attempt.ToString(CultureInfo.InvariantCulture)}-{Segment(Nonce)}");

    private static string Segment(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var segment = builder.ToString();
        return segment.Length == 0 || segment.All(c => c == '.') ? "_" + segment : segment;
    }
}
