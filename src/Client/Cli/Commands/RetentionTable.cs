using Spectre.Console;
using Tributary.Client.Retention;

namespace Tributary.Cli.Commands;

/// <summary>The tables of <c>results delete</c>: what would go (a dry run), and what became of each result.</summary>
internal static class RetentionTable
{
    /// <summary>Every result of a plan, and those the cache keeps.</summary>
    public static Table Of(ResultDeletionPlan plan)
    {
        var table = NewTable("Would");
        foreach (var run in plan.Runs)
        {
            foreach (var result in run.Results)
            {
                AddRow(table, run.FlowRunId, result, "delete");
            }

            foreach (var result in run.KeptForCache)
            {
                AddRow(table, run.FlowRunId, result, "[grey]keep (cache)[/]");
            }
        }

        return table;
    }

    /// <summary>Every result of a deletion, with what became of it.</summary>
    public static Table Of(ResultDeletionReport report)
    {
        var table = NewTable("Outcome");
        foreach (var run in report.Runs)
        {
            foreach (var deletion in run.Results)
            {
                AddRow(table, run.FlowRunId, deletion.Result, deletion.Outcome switch
                {
                    ResultDeletionOutcome.Deleted => "[green]Deleted[/]",
                    ResultDeletionOutcome.AlreadyGone => "Already gone",
                    _ => $"[red]Failed:[/] {Markup.Escape(deletion.Error ?? string.Empty)}",
                });
            }

            foreach (var result in run.KeptForCache)
            {
                AddRow(table, run.FlowRunId, result, "[grey]kept (cache)[/]");
            }
        }

        return table;
    }

    /// <summary>One line per run: counts, and whether the run itself was deleted or kept (and why).</summary>
    public static string Summary(RunDeletionReport run, bool deleteRuns)
    {
        if (run.Skipped is { } skipped)
        {
            return $"Run {run.FlowRunId}: skipped, {skipped}.";
        }

        var deleted = run.Results.Count(result => result.Outcome == ResultDeletionOutcome.Deleted);
        var gone = run.Results.Count(result => result.Outcome == ResultDeletionOutcome.AlreadyGone);
        var failed = run.Results.Count(result => result.Outcome == ResultDeletionOutcome.Failed);
        var counts = $"Run {run.FlowRunId}: {deleted} deleted, {gone} already gone, {failed} failed";
        var kept = run.KeptForCache.Count > 0 ? $", {run.KeptForCache.Count} kept for the cache" : string.Empty;
        var fate = (deleteRuns, run.RunDeleted, run.RunError) switch
        {
            (_, true, _) => "; run deleted",
            (true, false, { } error) => $"; run kept: {error}",
            (true, false, null) when failed > 0 => "; run kept: it still names what failed",
            (true, false, null) when run.KeptForCache.Count > 0 => "; run kept: it still names what the cache serves",
            _ => string.Empty,
        };
        return $"{counts}{kept}{fate}.";
    }

    private static Table NewTable(string lastColumn) =>
        new Table().AddColumn(new TableColumn("Run").NoWrap()).AddColumns("Task", "Kind", "Handler", "Location", lastColumn);

    private static void AddRow(Table table, string runId, StoredResult result, string last) =>
        table.AddRow(
            Markup.Escape(runId),
            Markup.Escape(result.TaskName),
            Markup.Escape(result.Role == StoredResultRole.CachedInput ? $"input {result.Name}" : result.Role.ToString()),
            Markup.Escape(result.Result.Handler.Kind),
            Markup.Escape(result.Location),
            last);
}
