using Tributary.Grains;
using Tributary.States;
using Tributary.Storage;

namespace Tributary.Runs;

// How long the activation lives: it holds an output that was not checkpointed while its run may still need it, and a
// graceful deactivation drains the running attempt instead of losing it.
internal sealed partial class TaskRunGrain
{
    // A held output is re-checked this often against its flow run, so an activation whose release never came (its flow
    // run restarted, the run ended on a failure) does not live for ever.
    private static readonly TimeSpan HoldCheckInterval = TimeSpan.FromMinutes(5);
    private IGrainTimer? _holdTimer;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivating = true;
        _holdTimer?.Dispose();
        if (cancellationToken.IsCancellationRequested)
        {
            // No time given (an ungraceful stop): a crash in all but name. Nothing is written; the attempt stays stored
            // as running and the next activation counts it lost.
            _deactivated = true;
            _attemptCancellation?.Cancel();
            return;
        }

        if (_attempt is { IsCompleted: false } attempt && !_state.IsBroken)
        {
            // A graceful deactivation (a silo stopping for an upgrade, a rebalancing) is not a crash: the attempt gets
            // Tributary:ShutdownDrainTimeout to finish and store its outcome as usual.
            if (!await DrainAsync(attempt, cancellationToken))
            {
                await HandOverAsync(reason);
                return;
            }
        }

        // From here on this activation is gone: an attempt that still ends later must not write or report.
        _deactivated = true;
    }

    /// <returns>Whether the attempt ended within the drain time.</returns>
    private async Task<bool> DrainAsync(Task attempt, CancellationToken cancellationToken)
    {
        try
        {
            await attempt.WaitAsync(_options.ShutdownDrainTimeout, _time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false; // Orleans' own deactivation timeout came first
        }
        catch (Exception)
        {
            return true; // it ended, badly: RunAttemptGuardedAsync logged it
        }
    }

    /// <summary>
    /// Records the attempt as interrupted (not lost: it uses no retry and does not count against MaxLostAttempts),
    /// cancels it, and tells the flow run, whose start of the task lands on a new activation elsewhere.
    /// </summary>
    private async Task HandOverAsync(DeactivationReason reason)
    {
        // First: the attempt, if its code ends after all, must not write or report over the hand-over.
        _deactivated = true;
        _attemptCancellation?.Cancel();
        var message = $"Attempt {State.Attempt} was interrupted by a deactivation ({reason.ReasonCode}) after " +
            $"Tributary:ShutdownDrainTimeout ({_options.ShutdownDrainTimeout}); it runs again on another activation.";
        LogAttemptInterrupted(_logger, _flowRunId, _taskName, State.Attempt, reason.ReasonCode);
        State = State with
        {
            Status = TaskRunStatus.Pending,
            InterruptedAttempts = State.InterruptedAttempts + 1,
            Message = message,
        };
        try
        {
            await _state.WriteAsync();
        }
        catch (StateStorageException)
        {
            // Not stored: the next activation finds it running and counts it lost instead. Nothing more can be done.
            return;
        }

        // Not awaited: the flow run starts the task again, and that call reaches this grain only once this activation
        // is gone (waiting here for it would hold the deactivation until its timeout). The flow run's progress check
        // finds the task pending anyway if this report is lost.
        GrainFactory.GetGrain<IFlowRunGrain>(_flowRunId)
            .OnTaskFinishedAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Pending, Message = message })
            .Ignore();
    }

    private void OnStateBroken(StateStorageException fault)
    {
        LogStateBroken(_logger, fault, _flowRunId, _taskName);
        // The next activation reads storage afresh; this one answers from its last stored state meanwhile.
        DeactivateOnIdle();
    }

    public Task ReleaseOutputAsync()
    {
        ReleaseOutput();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Keeps this activation (and the output it holds in memory only) alive while downstream tasks of the live run may
    /// still ask for it; idle collection would otherwise drop it and the task would run again.
    /// </summary>
    private void HoldOutput()
    {
        DelayDeactivation(HoldCheckInterval * 2);
        _holdTimer ??= this.RegisterGrainTimer(CheckHoldAsync, new GrainTimerCreationOptions(HoldCheckInterval, HoldCheckInterval));
    }

    private void ReleaseOutput()
    {
        _holdTimer?.Dispose();
        _holdTimer = null;
        DelayDeactivation(TimeSpan.FromTicks(-1)); // negative: back to ordinary idle collection
    }

    private async Task CheckHoldAsync(CancellationToken cancellationToken)
    {
        try
        {
            var run = await GrainFactory.GetGrain<IFlowRunGrain>(_flowRunId).GetStateAsync();
            if (run.Status == FlowRunStatus.Running)
            {
                DelayDeactivation(HoldCheckInterval * 2);
                return;
            }
        }
        catch (Exception)
        {
            // Cannot tell: keep holding until the next check.
            DelayDeactivation(HoldCheckInterval * 2);
            return;
        }

        ReleaseOutput();
    }
}
