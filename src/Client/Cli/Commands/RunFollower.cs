using Spectre.Console;
using Tributary.Client;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary>Follows a run to its end on the console: live progress, then the task table and the final result.</summary>
internal static class RunFollower
{
    /// <summary>Shows the run's progress until it is final, then its table and result.</summary>
    /// <returns>The exit code: 0 when the run succeeded, 1 otherwise.</returns>
    public static async Task<int> FollowAsync(TributaryClient client, string runId, TimeSpan timeout, CancellationToken cancellationToken)
    {
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
