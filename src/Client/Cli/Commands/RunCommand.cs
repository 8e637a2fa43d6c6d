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
        // Listening from before the start: a Ctrl-C from the moment "started" is printed cancels the run (see CancelOrDetachAsync).
        using var interrupt = new InterruptSignal();
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

        if (settings.Detach)
        {
            PrintHowToFollow(runId);
            return CliExitCode.Success;
        }

        using var following = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupt.Token);
        try
        {
            return await RunFollower.FollowAsync(client, runId, TimeSpan.FromSeconds(settings.TimeoutSeconds), following.Token);
        }
        catch (OperationCanceledException) when (interrupt.IsRequested)
        {
            if (settings.Cluster is null)
            {
                AnsiConsole.MarkupLineInterpolated($"Interrupted: flow run [bold]{runId}[/] ends with this command's embedded silo.");
                return CliExitCode.Interrupted;
            }

            return await CancelOrDetachAsync(client, runId, settings, interrupt, cancellationToken);
        }
    }

    /// <summary>
    /// The first Ctrl-C on a cluster: cancels the run and follows it to its end (its running tasks get their cancellation);
    /// a second Ctrl-C meanwhile detaches and leaves the run to the cluster.
    /// </summary>
    private static async Task<int> CancelOrDetachAsync(
        TributaryClient client, string runId, RunSettings settings, InterruptSignal interrupt, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLineInterpolated($"Cancelling flow run [bold]{runId}[/] (Ctrl-C again to detach and leave it running).");
        using var detaching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupt.SecondToken);
        try
        {
            await client.CancelFlowRunAsync(runId, "Ctrl-C in tributary run", detaching.Token);
            await RunFollower.FollowAsync(client, runId, TimeSpan.FromSeconds(settings.TimeoutSeconds), detaching.Token);
        }
        catch (OperationCanceledException) when (interrupt.IsRequestedAgain)
        {
            AnsiConsole.MarkupLineInterpolated($"Detached: flow run [bold]{runId}[/] goes on in the cluster (its cancellation may be under way).");
            PrintHowToFollow(runId);
        }

        return CliExitCode.Interrupted;
    }

    private static void PrintHowToFollow(string runId)
    {
        // The connection string holds the account key: it is not printed.
        AnsiConsole.Profile.Out.Writer.WriteLine($"Follow it with: tributary status {runId} --cluster CONNECTION_STRING");
    }
}
