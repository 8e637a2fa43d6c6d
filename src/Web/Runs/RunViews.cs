using System.Globalization;
using System.Text.Json;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Web.Runs;

/// <summary>Turns a run's snapshot (states and safe values only) into a <see cref="RunView"/>.</summary>
public static class RunViews
{
    /// <summary>How many children of one map get a row of their own when the map has more.</summary>
    public const int ChildrenShown = 20;

    /// <summary>The longest safe value shown; a longer one (the JSON handler keeps its data as its safe value) is cut.</summary>
    public const int MaxOutputLength = 300;

    /// <summary>The view of a snapshot.</summary>
    /// <param name="snapshot">The run and its tasks, from <c>IFlowRunGrain.GetSnapshotAsync</c>.</param>
    public static RunView From(FlowRunSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var tasks = snapshot.Rows(ChildrenShown)
            .Select(row => row.Task is { } task ? View(row.Name, task, row.Summary) : new TaskView(row.Name, string.Empty, 0, null, null, null, null, row.Summary))
            .ToArray();
        return Of(snapshot.Flow, tasks) with { TotalTasks = snapshot.Tasks.Length };
    }

    /// <summary>The view of one page of a run's task table, with the run's counts from its progress.</summary>
    /// <param name="page">The page, from <c>IFlowRunGrain.GetTaskPageAsync</c>.</param>
    /// <param name="progress">The run's progress, from <c>IFlowRunGrain.WaitForChangeAsync</c>.</param>
    /// <param name="pageNumber">The page's number, from 1.</param>
    /// <param name="pageSize">Rows per page.</param>
    public static RunView From(TaskRunPage page, FlowRunProgress progress, int pageNumber, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(progress);
        var flow = page.Flow;
        var tasks = page.Tasks
            .Select(task => View(task.TaskName, task, task.MapCount is { } count ? $"{count} {(count == 1 ? "child" : "children")}" : null))
            .ToArray();
        return Of(flow, tasks) with
        {
            Page = pageNumber,
            Pages = Math.Max(1, (int)(((long)page.Total + pageSize - 1) / pageSize)),
            TotalTasks = page.Total,
            Counts = progress.Counts.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value, StringComparer.Ordinal),
            Version = progress.Version,
        };
    }

    /// <summary>The view of a run's progress.</summary>
    /// <param name="progress">The progress, from <c>IFlowRunGrain.WaitForChangeAsync</c>.</param>
    public static RunProgressView From(FlowRunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new RunProgressView(
            progress.Version,
            progress.Status.ToString(),
            progress.Status.IsFinal(),
            progress.Message,
            progress.Counts.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value, StringComparer.Ordinal));
    }

    /// <summary>A duration as people read it: <c>850 ms</c>, <c>12.3 s</c>, <c>4 min 05 s</c>.</summary>
    /// <param name="milliseconds">The duration.</param>
    public static string FormatDuration(long? milliseconds) => milliseconds switch
    {
        null => string.Empty,
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds} ms"),
        < 60_000 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000.0:0.0} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 60_000} min {milliseconds / 1000 % 60:00} s"),
    };

    private static TaskView View(string name, TaskRunState task, string? summary) => new(
        name,
        task.Status.ToString(),
        task.Attempt,
        task.Duration is { } duration ? (long)duration.TotalMilliseconds : null,
        Display(task.Output),
        LinkOf(task.Output),
        task.Message,
        summary);

    private static RunView Of(FlowRunState flow, TaskView[] tasks) => new(
        flow.FlowRunId,
        flow.FlowName,
        flow.Status.ToString(),
        flow.Status.IsFinal(),
        flow.Message,
        flow.StartedAt,
        flow.FinishedAt,
        flow.Parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
        tasks);

    // A string (a path, a URI) shows without its quotes; any other JSON as it is.
    private static string? Display(SafeResult? output)
    {
        if (output is null)
        {
            return null;
        }

        var text = AsString(output) ?? output.Json;
        return text.Length <= MaxOutputLength ? text : string.Concat(text.AsSpan(0, MaxOutputLength), "…");
    }

    private static string? LinkOf(SafeResult? output) =>
        output is not null && AsString(output) is { } text
        && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static string? AsString(SafeResult output)
    {
        using var document = JsonDocument.Parse(output.Json);
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
    }
}
