using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary>
/// <c>status RUN</c>: a run's summary and counts (one progress call) and one page of its task table (at most
/// <c>--page-size</c> task runs asked), so that it costs the same for a run of ten tasks or ten thousand.
/// </summary>
public sealed class StatusCommand : AsyncCommand<StatusSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, StatusSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await TributaryClientFactory.ConnectAsync(settings.BuildConfiguration(), cancellationToken);
        var progress = await client.GetFlowRunProgressAsync(settings.RunId, cancellationToken);
        if (progress.Status == FlowRunStatus.NotFound)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]There is no flow run '{settings.RunId}'.[/]");
            return CliExitCode.NotFound;
        }

        var offset = (long)(settings.Page - 1) * settings.PageSize;
        var page = offset > int.MaxValue
            ? null
            : await client.GetTaskRunsPageAsync(settings.RunId, (int)offset, settings.PageSize, cancellationToken);
        var pages = page is null ? 1 : RunTable.PageCount(page.Total, settings.PageSize);
        if (page is null || (page.Tasks.IsEmpty && settings.Page > 1))
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[red]--page {settings.Page} is past the last page: flow run '{settings.RunId}' has {page?.Total ?? 0} tasks, {pages} page(s) of {settings.PageSize}.[/]");
            return CliExitCode.BadInput;
        }

        AnsiConsole.Write(RunTable.Render(page));
        RunTable.PrintTotals(progress, page, settings.Page, pages, $"--page {settings.Page + 1}");
        return CliExitCode.Success;
    }
}
