using Tributary.Grains;
using Tributary.Results;
using Tributary.States;
using Tributary.Storage;

namespace Tributary.Runs;

// How long the activation lives: it holds an output that was not checkpointed while its run may still need it, and a
// graceful deactivation drains the running attempt instead of losing it.
internal sealed partial class TaskRunGrain
{
    private bool _holdingOutput;
    private int _attemptsRunning;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivating = true;
        if (cancellationToken.IsCancellationRequested)
        {
            // No time given (an ungraceful stop): a crash in all but name. Nothing is written; the attempt stays stored
            // as running and the next activation counts it lost.
            _deactivated = true;
            _attemptCancellation?.Cancel();
            return;
        }

        if (_attempt is { IsCompleted: false } attempt)
        {
            // A graceful deactivation (a silo stopping for an upgrade, a rebalancing, a state storage fault) is not a
            // crash: the attempt gets Tributary:ShutdownDrainTimeout to finish and store (or report) its outcome.
            if (!await DrainAsync(attempt, cancellationToken))
            {
                await HandOverAsync(reason);
                return;
            }
        }

        await HandOverHeldOutputAsync(cancellationToken);

        // From here on this activation is gone: an attempt that still ends later must not write or report.
        _deactivated = true;
    }

    /// <summary>
    /// A graceful deactivation of a task that holds an output its run still needs (in memory only) stores it through
    /// its handler first, as a checkpoint, so that a rolling upgrade does not run the task again.
    /// </summary>
    private async Task HandOverHeldOutputAsync(CancellationToken cancellationToken)
    {
        if (!_holdingOutput || _output is null || State.Output is not null || State.Status != TaskRunStatus.Success || _state.IsBroken)
        {
            return;
        }

        try
        {
            var key = ResultKey.OfAttempt(State.FlowName, _flowRunId, _taskName, State.Attempt, State.StartedAt ?? _time.GetUtcNow());
            var stored = await StoreAsync(_output, key, cancellationToken);
            State = State with { Output = stored };
            await _state.WriteAsync();
            TellFlowRunOfStoredOutput();
            LogOutputHandedOver(_logger, _flowRunId, _taskName, stored.Handler.Kind);
        }
        catch (Exception ex)
        {
            // Not stored: the output goes with this activation, and a downstream task that still needs it reruns it.
            LogOutputNotHandedOver(_logger, ex, _flowRunId, _taskName);
        }
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
        if (_state.IsBroken)
        {
            return; // nothing can be stored; the flow run's progress check finds the task where storage left it
        }

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
        GrainReferences.Of<IFlowRunGrain>(GrainFactory, _flowRunId)
            .OnTaskFinishedAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Pending, Message = message })
            .Ignore();
    }

    /// <summary>Tells the flow run that an output held in memory is stored now (its snapshots show the safe value); not awaited.</summary>
    private void TellFlowRunOfStoredOutput() =>
        GrainReferences.Of<IFlowRunGrain>(GrainFactory, _flowRunId).OnTaskStateChangedAsync(State).Ignore();

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

    /// <summary>Keeps the activation from idle collection until the returned scope ends (then the hold, if any, decides).</summary>
    private AttemptKeepAlive KeepAliveWhileAttemptRuns()
    {
        _attemptsRunning++;
        DelayDeactivation(TimeSpan.MaxValue);
        return new AttemptKeepAlive(this);
    }

    /// <summary>
    /// Keeps this activation (and the output it holds in memory only) alive while downstream tasks of the live run may
    /// still ask for it; idle collection would otherwise drop it and the task would run again.
    /// </summary>
    private void HoldOutput()
    {
        // No timer per task (it would cost every chained task a registration): the flow run releases the output once
        // its downstream tasks succeeded, and every held output when the run ends.
        _holdingOutput = true;
        DelayDeactivation(TimeSpan.MaxValue);
    }

    private void ReleaseOutput()
    {
        _holdingOutput = false;
        // No task of the run needs the output any more. The serialized copy made for messages is rebuilt from the value
        // if asked for again; a stored output's value is read back from its store (see LoadOutputAsync). An output held
        // in memory only stays: it is all there is until the activation goes.
        _payload = null;
        if (_output is not null && State.Output is not null)
        {
            _output = null;
        }

        if (_attemptsRunning == 0)
        {
            DelayDeactivation(TimeSpan.FromTicks(-1)); // negative: back to ordinary idle collection
        }
    }

    /// <summary>Ends an attempt's keep-alive: back to the output hold if the attempt left one, else to idle collection.</summary>
    private readonly struct AttemptKeepAlive(TaskRunGrain grain) : IDisposable
    {
        public void Dispose()
        {
            // A zero-delay retry starts the next attempt inside this one: it keeps the activation alive in turn.
            if (--grain._attemptsRunning > 0)
            {
                return;
            }

            if (grain._holdingOutput)
            {
                grain.DelayDeactivation(TimeSpan.MaxValue);
            }
            else
            {
                grain.DelayDeactivation(TimeSpan.FromTicks(-1));
            }
        }
    }
}
