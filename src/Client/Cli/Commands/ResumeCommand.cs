using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;

namespace Tributary.Cli.Commands;

/// <summary>
/// <c>resume RUN</c>: resumes a failed run on a cluster (its failed tasks and those that did not run because of them
/// run again), then follows it like <c>run</c>.
/// </summary>
public sealed class ResumeCommand : AsyncCommand<ResumeSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ResumeSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await TributaryClientFactory.ConnectAsync(settings.BuildConfiguration(), cancellationToken);
        var state = await client.ResumeFlowRunAsync(settings.RunId, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"Flow run [bold]{state.FlowRunId}[/] of [bold]{state.FlowName}[/] resumed ({RunTable.Times(state.Resumes)}).");
        return await RunFollower.FollowAsync(client, state.FlowRunId, TimeSpan.FromSeconds(settings.TimeoutSeconds), cancellationToken);
    }
}
