using Tributary.States;
using Tributary.Storage;

namespace Tributary.Runs;

// Cancellation on request: stored first, then carried out by telling every unfinished task; while it is stored, the
// run starts no task (ScheduleReadyTasksAsync and CheckProgressAsync come here instead), so a restart finishes it.
internal sealed partial class FlowRunGrain
{
    public async Task<FlowRunState> CancelAsync(string? reason = null)
    {
        if (State.Status != FlowRunStatus.Running)
        {
            return State; // unknown (NotFound) or final already: nothing to cancel, and the caller sees which
        }

        if (State.CancelRequestedAt is null)
        {
            var running = State;
            State = State with { CancelRequestedAt = _time.GetUtcNow(), CancelReason = reason };
            try
            {
                await StoreAsync();
            }
            catch
            {
                // Not stored, so not requested: the caller sees the error and may ask again.
                State = running;
                throw;
            }

            LogCancelRequested(_logger, State.FlowRunId);
        }

        await CancelUnfinishedTasksAsync();
        return State;
    }

    private bool CancelRequested => State.CancelRequestedAt is not null;

    /// <summary>
    /// Tells every task not known to be final that its run is cancelled, records the final statuses they answer with,
    /// and ends the run Cancelled once all are final. A task whose attempt is winding down answers Running, and reports
    /// its end later; one that cannot be reached is asked again at the next progress check.
    /// </summary>
    private async Task CancelUnfinishedTasksAsync()
    {
        var reason = State.CancelReason is { Length: > 0 } why ? $"its run was cancelled ({why})" : "its run was cancelled";
        var unfinished = State.TaskStatuses.Keys.Union(TaskNamesInOrder(), StringComparer.Ordinal)
            .Where(name => !StatusOf(name).IsFinal())
            .ToArray();
        var statuses = await Task.WhenAll(unfinished.Select(async name =>
        {
            try
            {
                return await TaskGrain(name).CancelAsync(State.FlowName, State.FlowVersion, reason);
            }
            catch (Exception ex)
            {
                LogProgressCheckFailed(_logger, ex, State.FlowRunId, name);
                return TaskRunStatus.Running;
            }
        }));
        for (var i = 0; i < unfinished.Length; i++)
        {
            if (statuses[i].IsFinal())
            {
                SetStatus(unfinished[i], statuses[i]);
            }
        }

        if (unfinished.All(name => StatusOf(name).IsFinal()))
        {
            await CompleteAsync();
        }
    }
}
