using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;
using Tributary.Client.Retention;

namespace Tributary.Cli.Commands;

/// <summary>
/// <c>results delete RUN_ID | --older-than DAYS [--flow F] [--dry-run] [--delete-runs]</c>: retention through the SDK's
/// <see cref="ITributaryRetentionClient"/>: a table of every result of the selected runs, then (unless a dry run) their
/// deletion through their handlers, with what became of each.
/// </summary>
public sealed class ResultsDeleteCommand : AsyncCommand<ResultsDeleteSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ResultsDeleteSettings settings, CancellationToken cancellationToken)
    {
        var selection = settings.RunId is { } runId
            ? RetentionSelection.Run(runId)
            : RetentionSelection.EndedMoreThan(settings.OlderThanDays!.Value, settings.Flow);
        await using var client = await TributaryClientFactory.ConnectAsync(settings.BuildConfiguration(), cancellationToken);
        ResultDeletionPlan plan;
        try
        {
            plan = await client.PlanResultDeletionAsync(selection, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            // A running run: not an error of the cluster's, a request that cannot be done now.
            AnsiConsole.Markup("[red]error:[/] ");
            AnsiConsole.Profile.Out.Writer.WriteLine(ex.Message);
            return CliExitCode.BadInput;
        }

        if (plan.Runs.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"No {selection}: nothing to delete.");
            return CliExitCode.Success;
        }

        if (settings.DryRun)
        {
            AnsiConsole.Write(RetentionTable.Of(plan));
            WriteLine($"Dry run: would delete {Count(plan.Results.Count(), "result")} of {Count(plan.Runs.Count, "run")}"
                + $"{Kept(plan.Runs.Sum(run => run.KeptForCache.Count))}{(settings.DeleteRuns ? ", then the runs" : string.Empty)}. Nothing was deleted.");
            return CliExitCode.Success;
        }

        var report = await client.DeleteResultsAsync(plan, settings.DeleteRuns, cancellationToken);
        AnsiConsole.Write(RetentionTable.Of(report));
        foreach (var run in report.Runs)
        {
            WriteLine(RetentionTable.Summary(run, settings.DeleteRuns));
        }

        return report.HasFailures ? CliExitCode.OtherError : CliExitCode.Success;
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    private static string Kept(int count) => count == 0 ? string.Empty : $" ({Count(count, "result")} kept: the cache serves them; see 'cache clear')";

    // Past Spectre's wrapping, so that a script (or a test) finds each run's line whole.
    private static void WriteLine(string text) => AnsiConsole.Profile.Out.Writer.WriteLine(text);
}
