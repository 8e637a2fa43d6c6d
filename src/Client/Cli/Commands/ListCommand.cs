using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;
using Tributary.Index;

namespace Tributary.Cli.Commands;

/// <summary><c>list</c>: runs on a cluster, newest first, by flow and status, a page at a time.</summary>
public sealed class ListCommand : AsyncCommand<ListSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ListSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await TributaryClientFactory.ConnectAsync(settings.BuildConfiguration(), cancellationToken);
        var filter = new FlowRunFilter { FlowName = settings.Flow, Status = settings.Status };
        var page = await client.ListFlowRunsAsync(filter, settings.Limit, settings.Page, cancellationToken);
        if (page.Runs.Count == 0)
        {
            AnsiConsole.MarkupLine("No flow runs.");
            return 0;
        }

        // Run ids whole, never wrapped, so that they can be copied into `status` or `cancel`.
        var table = new Table().AddColumn(new TableColumn("Run").NoWrap()).AddColumns("Flow", "Status", "Started (UTC)", "Duration");
        foreach (var run in page.Runs)
        {
            table.AddRow(
                Markup.Escape(run.FlowRunId),
                Markup.Escape(run.FlowName),
                RunTable.Colored(run.Status.ToString()),
                run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                run.FinishedAt is { } end ? $"{(end - run.StartedAt).TotalMilliseconds:0} ms" : "-");
        }

        AnsiConsole.Write(table);
        if (page.NextPageToken is { } next)
        {
            // Written past Spectre's wrapping, so that the token can be copied whole.
            AnsiConsole.Profile.Out.Writer.WriteLine($"More runs: add --page {next}");
        }

        return 0;
    }
}
