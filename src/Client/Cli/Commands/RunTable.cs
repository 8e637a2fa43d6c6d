using System.Text.Json;
using Spectre.Console;
using Tributary.Client;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary>Renders runs for the console: the task table, progress lines, the final results.</summary>
internal static class RunTable
{
    /// <summary>The whole table of a snapshot, a map's many children summarized (see <see cref="FlowRunSnapshot.Rows"/>).</summary>
    public static Table Render(FlowRunSnapshot snapshot)
    {
        var table = NewTable(snapshot.Flow);
        foreach (var (name, task, summary) in snapshot.Rows())
        {
            AddRow(table, name, task, summary);
        }

        return table;
    }

    /// <summary>One page of a run's table: every row of the page, a map's children included.</summary>
    public static Table Render(TaskRunPage page)
    {
        var table = NewTable(page.Flow);
        foreach (var task in page.Tasks)
        {
            AddRow(table, task.TaskName, task, summary: null);
        }

        return table;
    }

    /// <summary>How many pages of <paramref name="pageSize"/> rows a table of <paramref name="total"/> rows has (1 for none).</summary>
    public static int PageCount(int total, int pageSize) => Math.Max(1, (int)(((long)total + pageSize - 1) / pageSize));

    /// <summary>The counts under a page, and which page it is with how to see the next.</summary>
    /// <param name="progress">The run's counts.</param>
    /// <param name="page">The page shown.</param>
    /// <param name="number">Its number, from 1.</param>
    /// <param name="pages">How many pages there are.</param>
    /// <param name="nextPage">What to add to the command for the next page.</param>
    public static void PrintTotals(FlowRunProgress progress, TaskRunPage page, int number, int pages, string nextPage)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"{page.Total} tasks: {Counts(progress)}"));
        // Written past Spectre's wrapping, so that the option can be copied whole.
        AnsiConsole.Profile.Out.Writer.WriteLine(number < pages ? $"page {number} of {pages}, {nextPage} for more" : $"page {number} of {pages}");
    }

    /// <summary>"3 Success, 1 Running, 96 Pending": how many tasks are in each status, statuses with none left out.</summary>
    public static string Counts(FlowRunProgress progress) =>
        progress.Counts.IsEmpty ? "none" : string.Join(", ", progress.Counts.Select(pair => $"{pair.Value} {pair.Key}"));

    /// <summary>One line of progress: the run's status and its counts.</summary>
    public static string ProgressLine(FlowRunProgress progress) => $"{progress.Status}: {Counts(progress)}";

    /// <summary>
    /// Prints the result of the last task (in table order) that produced one: read from the end of the table a page
    /// at a time, so that a long run costs a page or two, not a snapshot.
    /// </summary>
    public static async Task PrintFinalResultsAsync(TributaryClient client, TaskRunPage first, CancellationToken cancellationToken)
    {
        var flow = first.Flow;
        if (flow.Status != FlowRunStatus.Success)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{flow.Message}[/]");
            return;
        }

        TaskRunState? last = null;
        for (var end = first.Total; end > 0 && last is null; end -= TaskPageLimits.MaxLimit)
        {
            var offset = Math.Max(0, end - TaskPageLimits.MaxLimit);
            var page = offset == 0 && first.Tasks.Length >= end
                ? first
                : await client.GetTaskRunsPageAsync(flow.FlowRunId, offset, end - offset, cancellationToken);
            // The last task that produced a result: with triggers and skips, a successful run may end on tasks that did not.
            last = page.Tasks.Take(end - offset).LastOrDefault(task => task.Status.IsSuccess()
                && (task.MapCount is not null || !Grains.MappedTaskName.TryParse(task.TaskName, out _, out _))); // a map, not its children
        }

        if (last is null)
        {
            AnsiConsole.MarkupLine("No task produced a result (every task was skipped or not needed).");
            return;
        }

        if (last.Output?.Handler.Kind == Handlers.SecretResultHandler.Kind)
        {
            // A secret task's output is shown as what is stored: the secret's name, never its value.
            AnsiConsole.MarkupLineInterpolated($"Result of [bold]{last.TaskName}[/]: the secret {last.Output.Json} (its value is not shown)");
            return;
        }

        var result = await client.ReadTaskResultAsync(flow.FlowRunId, last.TaskName, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Result of [bold]{last.TaskName}[/]: {JsonSerializer.Serialize(result.Value, result.ValueType)}");
    }

    private static Table NewTable(FlowRunState flow)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .Title($"{flow.FlowName} · {flow.FlowRunId} · {Colored(flow.Status.ToString())}{Elapsed(flow)}")
            .AddColumns("Task", "State", "Attempt", "Duration", "Safe value");
        if (flow.FlowVersion is { } version)
        {
            table.Caption($"flow version {version}{(flow.Resumes > 0 ? $" · resumed {Times(flow.Resumes)}" : string.Empty)}");
        }

        return table;
    }

    private static void AddRow(Table table, string name, TaskRunState? task, string? summary) =>
        table.AddRow(
            Markup.Escape(name),
            task is null ? "-" : Colored(task.Status.ToString()),
            task?.Attempt.ToString() ?? "-",
            task?.Duration is { } d ? $"{d.TotalMilliseconds:0} ms" : "-",
            Markup.Escape(summary ?? task?.Output?.Json ?? (task?.Message ?? "-")));

    /// <summary>"1 time", "2 times".</summary>
    public static string Times(int count) => count == 1 ? "1 time" : $"{count} times";

    private static string Elapsed(FlowRunState flow) =>
        flow is { StartedAt: { } start, FinishedAt: { } end } ? $" · {(end - start).TotalMilliseconds:0} ms" : string.Empty;

    public static string Colored(string status) => status switch
    {
        nameof(TaskRunStatus.Success) => $"[green]{status}[/]",
        nameof(TaskRunStatus.Cached) => $"[aqua]{status}[/]",
        // TriggerFailed is red whether or not it fails the run (a failure handler with nothing to handle does not): the
        // run's own status, in the title, says which.
        nameof(TaskRunStatus.Failed) or nameof(TaskRunStatus.UpstreamFailed) or nameof(TaskRunStatus.TriggerFailed) => $"[red]{status}[/]",
        nameof(TaskRunStatus.Skipped) => $"[grey]{status}[/]",
        nameof(TaskRunStatus.Retrying) => $"[yellow]{status}[/]",
        nameof(TaskRunStatus.Running) => $"[blue]{status}[/]",
        nameof(TaskRunStatus.Cancelled) => $"[darkorange]{status}[/]",
        _ => status,
    };
}
