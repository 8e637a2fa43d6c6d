using Microsoft.Extensions.Logging;
using Tributary.Grains;
using Tributary.States;

namespace Tributary.Runs;

// Cancellation of the task because its run is cancelled: final at once unless an attempt is running, which is told
// through its token and ends Cancelled whatever it does after (see RunAttemptAsync and InvokeAsync).
internal sealed partial class TaskRunGrain
{
    // Set once the run cancelled this task: no attempt starts here any more, and an attempt in flight ends Cancelled.
    private string? _cancelReason;

    // Signalled with _cancelReason: fires the running attempt's token and abandons code that ignores it (InvokeAsync).
    private CancellationTokenSource _cancellation = new();

    public async Task<TaskRunStatus> CancelAsync(string flowName, string? flowVersion, string reason)
    {
        await EnsureLoadedAsync();
        if (State.Status.IsFinal())
        {
            return State.Status;
        }

        RecordFlowIfNeverStarted(flowName, flowVersion);
        _cancelReason ??= reason;
        await _cancellation.CancelAsync();
        if (_attempt is { IsCompleted: false } running)
        {
            // Not awaited: the attempt reports to the flow run, which is waiting on this call.
            _attempt = CancelAfterAsync(running);
            return State.Status;
        }

        await EndCancelledAsync(report: false); // the flow run takes the status from this call
        return State.Status;
    }

    /// <summary>A resumed task runs again: a cancellation this activation saw no longer holds.</summary>
    private void ForgetCancellation()
    {
        if (_cancelReason is not null)
        {
            _cancelReason = null;
            _cancellation = new CancellationTokenSource(); // the old one stays cancelled for any attempt abandoned with it
        }
    }

    /// <summary>Ends the task Cancelled once <paramref name="previous"/> (the attempt that was running) has ended, if it did not.</summary>
    /// <remarks>A map that counted its list, a retry the attempt scheduled, inputs lost: nothing runs any more.</remarks>
    private Task CancelAfterAsync(Task previous) => EndAfterAttemptAsync(previous, () => EndCancelledAsync(report: true));

    /// <summary>Ends the task Cancelled: its retry (timer and reminder) dropped, its cached inputs deleted as at any end.</summary>
    /// <param name="report">Whether to tell the flow run (not when it asked, and waits on the answer).</param>
    /// <returns>The status the attempt ended in: Cancelled.</returns>
    private async Task<TaskRunStatus> EndCancelledAsync(bool report)
    {
        var wasRetrying = State.Status == TaskRunStatus.Retrying;
        _retryTimer?.Dispose();
        _retryTimer = null;
        var message = Truncate(_cancelReason is { Length: > 0 } reason ? $"Cancelled: {reason}" : "Cancelled.");
        var copies = End(TaskRunStatus.Cancelled, output: null, message);
        await _state.WriteAsync();
        await DeleteCachedCopiesAsync(copies);
        if (wasRetrying)
        {
            // Whether or not this activation registered it (a new activation has not seen it yet): none is left behind.
            await this.UnregisterReminderIfPresentAsync(RetryReminder);
            _hasRetryReminder = false;
        }
        else
        {
            await UnregisterRetryReminderAsync();
        }

        LogCancelled(_logger, _flowRunId, _taskName, State.Attempt);
        if (report)
        {
            await ReportAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Cancelled, Message = message });
        }

        return TaskRunStatus.Cancelled;
    }

    /// <summary>
    /// Waits for an attempt's work (up to its timeout), giving up on it when the run is cancelled: code that ignores its
    /// token is abandoned as at a timeout, and its result, if it ever comes, discarded.
    /// </summary>
    private async Task<object?> WaitUnlessCancelledAsync(Task<object?> work, TimeSpan? timeout)
    {
        try
        {
            return timeout is { } limit ? await work.WaitAsync(limit, _time, _cancellation.Token) : await work.WaitAsync(_cancellation.Token);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested && !work.IsCompleted)
        {
            ObserveAbandoned(work);
            throw;
        }
    }

    /// <summary>Lets the work of an attempt that was given up on (timed out, cancelled) fault later without losing its exception.</summary>
    private void ObserveAbandoned(Task work) =>
        _ = work.ContinueWith(
            static (faulted, state) => ((ILogger)state!).LogDebug(faulted.Exception, "An attempt failed after it was abandoned"),
            _logger,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
