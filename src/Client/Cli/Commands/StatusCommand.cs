using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary><c>status RUN</c>: the task table of a run on a cluster.</summary>
public sealed class StatusCommand : AsyncCommand<StatusSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, StatusSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await TributaryClientFactory.ConnectAsync(settings.BuildConfiguration(), cancellationToken);
        var snapshot = await client.GetFlowRunAsync(settings.RunId, cancellationToken);
        if (snapshot.Flow.Status == FlowRunStatus.NotFound)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]There is no flow run '{settings.RunId}'.[/]");
            return CliExitCode.NotFound;
        }

        AnsiConsole.Write(RunTable.Render(snapshot));
        return 0;
    }
}
