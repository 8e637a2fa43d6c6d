using Tributary.Grains;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class TaskRunGrain
{
    public async Task AbandonAsync(string flowName, string? flowVersion, string reason)
    {
        await EnsureLoadedAsync();
        if (!State.Status.IsFinal())
        {
            RecordFlowIfNeverStarted(flowName, flowVersion);

            // Not awaited: an attempt still ending here may report to the flow run, which is waiting on this call.
            _attempt = FailAfterAsync(_attempt, reason);
        }
    }

    /// <summary>
    /// Fails the task, saying so, when the silo does not register the version of the flow its run started with: the
    /// task cannot run another version's code. Gives <see langword="true"/> when the version is gone (the task is then
    /// failing, or was final already).
    /// </summary>
    private bool FailIfFlowVersionGone(string flowName, string? flowVersion)
    {
        if (flowVersion is null || _flows.TryGet(flowName, flowVersion, out _))
        {
            return false;
        }

        if (!State.Status.IsFinal())
        {
            RecordFlowIfNeverStarted(flowName, flowVersion);
            var gone = new FlowVersionNotFoundException(flowName, flowVersion, _flows.VersionsOf(flowName));
            // Not awaited, as for any unrunnable task: the flow run is waiting on this call, so the report goes out after.
            _attempt = FailAfterAsync(_attempt, Truncate($"Not run: its flow run started on a version this silo does not have. {gone.Message}"));
        }

        return true;
    }

    /// <summary>A task never started has no flow in its state yet: record its run's, so that its failure says which.</summary>
    private void RecordFlowIfNeverStarted(string flowName, string? flowVersion)
    {
        if (State.Origin is null)
        {
            State = State with { FlowName = flowName, Origin = new TaskRunOrigin { FlowVersion = flowVersion } };
        }
    }

    /// <summary>
    /// Fails the task once <paramref name="previous"/> has ended: an attempt that was lost with its silo is first recorded
    /// by the activation that found it (it sets the task back to pending), and must not overwrite the failure after.
    /// </summary>
    private Task FailAfterAsync(Task? previous, string message) =>
        EndAfterAttemptAsync(previous, async () =>
        {
            await UnregisterRetryReminderAsync();
            await FailUnrunnableAsync(message);
        });

    /// <summary>
    /// Runs <paramref name="end"/> once <paramref name="previous"/> (the attempt that was running, if any) has ended,
    /// unless the task is final by then or its activation is going away. A fault of <paramref name="end"/> is logged:
    /// the flow run's progress check asks again.
    /// </summary>
    private async Task EndAfterAttemptAsync(Task? previous, Func<Task> end)
    {
        if (previous is not null)
        {
            try
            {
                await previous;
            }
            catch (Exception)
            {
                // That attempt's own error was logged where it happened.
            }
        }

        if (State.Status.IsFinal() || _deactivated)
        {
            return;
        }

        try
        {
            await end();
        }
        catch (Exception ex)
        {
            LogAttemptCrashed(_logger, ex, _flowRunId, _taskName, State.Attempt);
        }
    }
}
