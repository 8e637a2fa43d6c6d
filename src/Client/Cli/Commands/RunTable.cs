using System.Collections.Concurrent;
using System.Text.Json;
using Spectre.Console;
using Tributary.Client;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary>Renders runs for the console: the task table, progress lines, the final results.</summary>
internal static class RunTable
{
    private static readonly ConcurrentDictionary<string, TaskRunStatus> Printed = new();

    public static Table Render(FlowRunSnapshot snapshot)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .Title($"{snapshot.Flow.FlowName} · {snapshot.Flow.FlowRunId} · {Colored(snapshot.Flow.Status.ToString())}{Elapsed(snapshot.Flow)}")
            .AddColumns("Task", "State", "Attempt", "Duration", "Safe value");
        if (snapshot.Flow.FlowVersion is { } version)
        {
            table.Caption($"flow version {version}{(snapshot.Flow.Resumes > 0 ? $" · resumed {Times(snapshot.Flow.Resumes)}" : string.Empty)}");
        }

        // A map's children follow it, summarized when there are many (see FlowRunSnapshot.Rows).
        foreach (var (name, task, summary) in snapshot.Rows())
        {
            table.AddRow(
                Markup.Escape(name),
                task is null ? "-" : Colored(task.Status.ToString()),
                task?.Attempt.ToString() ?? "-",
                task?.Duration is { } d ? $"{d.TotalMilliseconds:0} ms" : "-",
                Markup.Escape(summary ?? task?.Output?.Json ?? (task?.Message ?? "-")));
        }

        return table;
    }

    public static void PrintChanges(FlowRunSnapshot snapshot)
    {
        // The rows of the table: a map's many children do not each print a line.
        foreach (var task in snapshot.Rows().Select(row => row.Task).OfType<TaskRunState>())
        {
            if (Printed.TryGetValue($"{snapshot.Flow.FlowRunId}/{task.TaskName}", out var last) && last == task.Status)
            {
                continue;
            }

            Printed[$"{snapshot.Flow.FlowRunId}/{task.TaskName}"] = task.Status;
            AnsiConsole.MarkupLineInterpolated($"  {task.TaskName}: {task.Status} (attempt {task.Attempt})");
        }
    }

    public static async Task PrintFinalResultsAsync(TributaryClient client, FlowRunSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.Flow.Status != FlowRunStatus.Success)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{snapshot.Flow.Message}[/]");
            return;
        }

        // The last task that produced a result: with triggers and skips, a successful run may end on tasks that did not.
        var last = snapshot.Tasks.LastOrDefault(task => task.Status.IsSuccess()
            && (task.MapCount is not null || !Grains.MappedTaskName.TryParse(task.TaskName, out _, out _))); // a map, not its children
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

        var result = await client.ReadTaskResultAsync(snapshot.Flow.FlowRunId, last.TaskName, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Result of [bold]{last.TaskName}[/]: {JsonSerializer.Serialize(result.Value, result.ValueType)}");
    }

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
