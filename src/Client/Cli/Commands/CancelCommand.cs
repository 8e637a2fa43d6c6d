using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary>
/// <c>cancel RUN</c>: cancels a run on a cluster, waits until it has ended Cancelled (running attempts wind down), and
/// shows its task table. A run already final is left as it is, and the command says how it ended.
/// </summary>
public sealed class CancelCommand : AsyncCommand<CancelSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, CancelSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await TributaryClientFactory.ConnectAsync(settings.BuildConfiguration(), cancellationToken);
        var before = (await client.GetFlowRunAsync(settings.RunId, cancellationToken)).Flow;
        if (before.Status == FlowRunStatus.NotFound)
        {
            throw new FlowRunNotFoundException(settings.RunId); // one error line and the not-found exit code
        }

        var state = before.Status.IsFinal() ? before : await client.CancelFlowRunAsync(settings.RunId, settings.Reason, cancellationToken);
        if (state.Status.IsFinal() && (before.Status.IsFinal() || state.CancelRequestedAt is null))
        {
            // Ended before the request: nothing was cancelled.
            AnsiConsole.MarkupLineInterpolated($"Flow run [bold]{state.FlowRunId}[/] already {state.Status}: nothing to cancel.");
            return CliExitCode.Success;
        }

        AnsiConsole.MarkupLineInterpolated($"Flow run [bold]{state.FlowRunId}[/] of [bold]{state.FlowName}[/]: cancellation requested.");
        // Waits on the run's progress, then shows the first page of its table: the same cost whatever the run's size.
        var final = await client.WaitForFlowRunProgressAsync(state.FlowRunId, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken: cancellationToken);
        var page = await client.GetTaskRunsPageAsync(state.FlowRunId, 0, RunFollower.FinalPageSize, cancellationToken);
        AnsiConsole.Write(RunTable.Render(page));
        RunTable.PrintTotals(final, page, 1, RunTable.PageCount(page.Total, RunFollower.FinalPageSize), $"status {state.FlowRunId} --page 2");
        return final.Status == FlowRunStatus.Cancelled ? CliExitCode.Success : CliExitCode.RunFailed;
    }
}
