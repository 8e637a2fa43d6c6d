using System.Collections.Immutable;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class TaskRunGrain
{
    private const string RetryReminder = "retry";
    private IGrainTimer? _retryTimer;
    private bool _hasRetryReminder;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RetryReminder)
        {
            return;
        }

        _hasRetryReminder = true;
        await EnsureLoadedAsync();
        if (State.Status == TaskRunStatus.Retrying)
        {
            // OnActivateAsync armed the timer if this activation is new; arming again is harmless.
            ArmRetryTimer(State.NextRetryAt ?? _time.GetUtcNow());
        }
        else
        {
            await UnregisterRetryReminderAsync();
        }
    }

    /// <summary>Ends a failed attempt: retried after its policy's delay, or failed for good (see TaskRunGrain.RetryPolicy.cs).</summary>
    /// <returns>The status the attempt ended in: Retrying or Failed.</returns>
    private async Task<TaskRunStatus> FailAttemptAsync(TaskNode node, AttemptInputs? inputs, string error, Exception exception)
    {
        if (_deactivated)
        {
            return TaskRunStatus.Running; // see SucceedAsync
        }

        LogAttemptFailed(_logger, exception, _flowRunId, _taskName, State.Attempt);
        var message = Truncate(_options.RecordErrorMessages
            ? $"Attempt {State.Attempt} failed: {exception.GetType().Name}: {error}"
            : $"Attempt {State.Attempt} failed: {exception.GetType().Name} (message not recorded: Tributary:RecordErrorMessages is off; see the silo's log).");
        var plan = PlanRetry(node.Options.EffectiveRetry, exception);
        if (plan.Delay is not { } delay)
        {
            message = plan.NotRetried is { } why ? Truncate($"{message} {why}") : message;
            _inputsOfAttempt = null;
            State = State with { Status = TaskRunStatus.Failed, FinishedAt = _time.GetUtcNow(), Message = message };
            await _state.WriteAsync();
            await UnregisterRetryReminderAsync();
            await ReportAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Failed, Message = message });
            return TaskRunStatus.Failed;
        }

        var cached = State.CachedInputs;
        var owned = State.OwnedCachedInputs;
        var uncached = State.UncachedInputs;
        if (inputs is not null && cached.Count < inputs.Values.Length)
        {
            var caching = await CacheInputsAsync(inputs);
            (cached, owned, uncached) = (caching.Cached, caching.Owned, caching.Uncached);
            if (caching.Fault is { } fault)
            {
                // A retry in this activation still has the inputs in memory; a retry in a new one fails, naming them.
                message = Truncate(_options.RecordErrorMessages
                    ? $"{message} (inputs not cached for the retry: {string.Join(", ", uncached)}: {fault.Message})"
                    : $"{message} (inputs not cached for the retry: {string.Join(", ", uncached)}: {fault.GetType().Name})");
                LogCachingFailed(_logger, fault, _flowRunId, _taskName);
            }
        }

        _inputsOfAttempt = inputs;
        var due = _time.GetUtcNow() + delay;
        State = State with
        {
            Status = TaskRunStatus.Retrying,
            Message = message,
            CachedInputs = cached,
            OwnedCachedInputs = owned,
            UncachedInputs = uncached,
            NextRetryAt = due,
        };
        await _state.WriteAsync();
        if (delay > TimeSpan.Zero && !_hasRetryReminder)
        {
            // The reminder brings the grain back after a restart; the timer below fires the retry on time meanwhile.
            await this.RegisterOrUpdateReminder(RetryReminder, delay, TimeSpan.FromMinutes(1));
            _hasRetryReminder = true;
        }

        if (delay > TimeSpan.Zero)
        {
            ArmRetryTimer(due);
        }
        else
        {
            // No delay: the retry starts now, while the report goes out (a timer would only add its latency). The
            // flow run ignores the Retrying report if the retry's success reaches it first.
            StartAttempt();
        }

        await ReportAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Retrying, Message = message });
        return TaskRunStatus.Retrying;
    }

    /// <summary>
    /// The attempts that count against the task's retries: attempts lost with their silo or interrupted by a shutdown
    /// keep their numbers but use none, and a resumed run's task has its full retries again.
    /// </summary>
    private int RetriesUsed =>
        State.Attempt - State.LostAttempts - State.InterruptedAttempts - (State.Origin?.AttemptsBeforeResume ?? 0);

    private void ArmRetryTimer(DateTimeOffset due)
    {
        _retryTimer?.Dispose();
        var wait = due - _time.GetUtcNow();
        _retryTimer = this.RegisterGrainTimer(
            FireRetryAsync,
            new GrainTimerCreationOptions(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private Task FireRetryAsync(CancellationToken cancellationToken)
    {
        _retryTimer?.Dispose();
        _retryTimer = null;
        if (State.Status == TaskRunStatus.Retrying)
        {
            StartAttempt();
        }

        return Task.CompletedTask;
    }

    private async Task UnregisterRetryReminderAsync()
    {
        if (!_hasRetryReminder)
        {
            return;
        }

        await this.UnregisterReminderIfPresentAsync(RetryReminder);
        _hasRetryReminder = false;
    }

    private async Task ReportInputsLostAsync(IReadOnlyList<string> upstreams)
    {
        State = State with
        {
            Status = TaskRunStatus.Pending,
            Attempt = State.Attempt - 1,
            Message = $"Waiting for {string.Join(", ", upstreams)} to run again: their outputs were lost.",
        };
        // Stored, so that a deactivation while it waits is not taken for an attempt lost with its silo.
        await _state.WriteAsync();
        await ReportAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Pending, LostUpstreams = [.. upstreams] });
    }
}
