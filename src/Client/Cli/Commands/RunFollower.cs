using Spectre.Console;
using Spectre.Console.Rendering;
using Tributary.Client;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary>
/// Follows a run to its end on the console: live progress (status and counts) from a long poll on the run's version,
/// which costs the same whatever the run's size; then the first page of the task table, the totals and the result.
/// </summary>
internal static class RunFollower
{
    /// <summary>How many rows of the task table are shown at the end; <c>status RUN --page 2</c> shows the next.</summary>
    public const int FinalPageSize = 50;

    /// <summary>Shows the run's progress until it is final, then its table and result.</summary>
    /// <returns>The exit code: 0 when the run succeeded, 1 otherwise.</returns>
    public static async Task<int> FollowAsync(TributaryClient client, string runId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        FlowRunProgress final;
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            final = await AnsiConsole.Live(Render(runId, await client.GetFlowRunProgressAsync(runId, cancellationToken)))
                .StartAsync(async live =>
                {
                    var progress = new SynchronousProgress<FlowRunProgress>(changed => live.UpdateTarget(Render(runId, changed)));
                    return await client.WaitForFlowRunProgressAsync(runId, timeout, progress, cancellationToken);
                });
        }
        else
        {
            // Synchronous: every progress line is printed before the table.
            var progress = new SynchronousProgress<FlowRunProgress>(changed => AnsiConsole.MarkupLine(Markup.Escape($"  {RunTable.ProgressLine(changed)}")));
            final = await client.WaitForFlowRunProgressAsync(runId, timeout, progress, cancellationToken);
        }

        var page = await client.GetTaskRunsPageAsync(runId, 0, FinalPageSize, cancellationToken);
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // A line per task of the page, as a log reads it (a redirected console keeps no live view).
            foreach (var task in page.Tasks)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"  {task.TaskName}: {task.Status} (attempt {task.Attempt})"));
            }
        }

        AnsiConsole.Write(RunTable.Render(page));
        var pages = RunTable.PageCount(page.Total, FinalPageSize);
        RunTable.PrintTotals(final, page, 1, pages, $"status {runId} --page 2");
        await RunTable.PrintFinalResultsAsync(client, page, cancellationToken);
        return page.Flow.Status == FlowRunStatus.Success ? 0 : 1;
    }

    private static IRenderable Render(string runId, FlowRunProgress progress) =>
        new Markup($"{Markup.Escape(runId)} · {RunTable.Colored(progress.Status.ToString())} · {Markup.Escape(RunTable.Counts(progress))}");
}
