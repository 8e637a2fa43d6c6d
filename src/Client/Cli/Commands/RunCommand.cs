using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;
using Tributary.Examples;
using Tributary.Grains;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary>
/// <c>run FLOW</c>: starts a run, shows live progress, then the task table and the final results. With
/// <c>--run-id</c> of an existing run it shows that run when the flow and parameters are the same, and refuses otherwise.
/// </summary>
public sealed class RunCommand : AsyncCommand<RunSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var configuration = settings.BuildConfiguration();
        await using var client = settings.Cluster is null
            ? await TributaryClientFactory.StartEmbeddedAsync(typeof(EtlFlow).Assembly, configuration, cancellationToken)
            : await TributaryClientFactory.ConnectAsync(configuration, cancellationToken);

        // A given id may name a run already: the start below then gives it (same flow and parameters) or refuses.
        var existed = settings.RunId is { } given
            && (await client.GetFlowRunAsync(given, cancellationToken)).Flow.Status != FlowRunStatus.NotFound;
        var runId = settings.RefreshCache
            ? await client.StartFlowRunWithJsonAsync(settings.Flow, settings.ParameterJson(), settings.RunId, new FlowRunOptions { RefreshCache = true }, cancellationToken)
            : await client.StartFlowRunWithJsonAsync(settings.Flow, settings.ParameterJson(), settings.RunId, cancellationToken);
        if (existed)
        {
            AnsiConsole.MarkupLineInterpolated($"Flow run [bold]{runId}[/] of [bold]{settings.Flow}[/] already exists with these parameters: showing it.");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Flow run [bold]{runId}[/] of [bold]{settings.Flow}[/] started.");
        }

        return await RunFollower.FollowAsync(client, runId, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken);
    }
}
