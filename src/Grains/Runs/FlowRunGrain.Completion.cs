using Tributary.States;
using Tributary.Storage;

namespace Tributary.Runs;

// The end of a run: its final status from its tasks' (see TaskRunStatus for what each counts as).
internal sealed partial class FlowRunGrain
{
    /// <summary>
    /// Ends the run: Success when no task counts as a failure (see <see cref="TaskRunStatus"/>), otherwise Failed with
    /// <paramref name="failure"/> or the tasks that do.
    /// </summary>
    private async Task CompleteAsync(string? failure = null)
    {
        if (State.Status != FlowRunStatus.Running)
        {
            return;
        }

        var failed = TasksFailingTheRun();
        var running = State;
        State = State with
        {
            Status = CancelRequested && failure is null ? FlowRunStatus.Cancelled
                : failed.Length == 0 && failure is null ? FlowRunStatus.Success : FlowRunStatus.Failed,
            FinishedAt = _time.GetUtcNow(),
            Message = failure ?? (CancelRequested ? $"Cancelled on request{(State.CancelReason is { Length: > 0 } why ? $": {why}" : "")}."
                : failed.Length == 0 ? null : $"Tasks that did not succeed: {string.Join(", ", failed)}.{StorageFaultSummary()}"),
        };
        try
        {
            await StoreAsync();
        }
        catch
        {
            // Not stored: the run is still running as far as storage knows; the next progress check completes it.
            State = running;
            throw;
        }

        LogFinished(_logger, State.FlowRunId, State.Status);
        await RecordInIndexAsync();
        ReleaseAllOutputs();
        StopProgressChecks();
        await UnregisterProgressReminderAsync();
        NoteChange();
        foreach (var waiter in _waiters.ToArray())
        {
            waiter.TrySetResult();
        }
    }
}
