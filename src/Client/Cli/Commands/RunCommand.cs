using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;
using Tributary.Examples;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary><c>run FLOW</c>: starts a run, shows live progress, then the task table and the final results.</summary>
public sealed class RunCommand : AsyncCommand<RunSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var configuration = settings.BuildConfiguration();
        await using var client = settings.Cluster is null
            ? await TributaryClientFactory.StartEmbeddedAsync(typeof(EtlFlow).Assembly, configuration, cancellationToken)
            : await TributaryClientFactory.ConnectAsync(configuration, cancellationToken);

        var runId = await client.StartFlowRunWithJsonAsync(settings.Flow, settings.ParameterJson(), settings.RunId, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Flow run [bold]{runId}[/] of [bold]{settings.Flow}[/] started.");
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        FlowRunSnapshot final;
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            final = await AnsiConsole.Live(RunTable.Render(await client.GetFlowRunAsync(runId, cancellationToken)))
                .StartAsync(async live =>
                {
                    var progress = new SynchronousProgress<FlowRunSnapshot>(snapshot => live.UpdateTarget(RunTable.Render(snapshot)));
                    return await client.WaitForFlowRunAsync(runId, timeout, progress, cancellationToken);
                });
        }
        else
        {
            // Synchronous: every progress line is printed before the table.
            final = await client.WaitForFlowRunAsync(runId, timeout, new SynchronousProgress<FlowRunSnapshot>(RunTable.PrintChanges), cancellationToken);
            AnsiConsole.Write(RunTable.Render(final));
        }

        await RunTable.PrintFinalResultsAsync(client, final, cancellationToken);
        return final.Flow.Status == FlowRunStatus.Success ? 0 : 1;
    }
}
