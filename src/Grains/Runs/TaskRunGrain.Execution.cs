using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Tributary.Diagnostics;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Results;
using Tributary.States;
using Tributary.Storage;

namespace Tributary.Runs;

internal sealed partial class TaskRunGrain
{
    private void StartAttempt()
    {
        // Only one attempt at a time: a timer, a progress check and a zero-delay retry may all try to start the next.
        if (State.Status is not (TaskRunStatus.Pending or TaskRunStatus.Retrying) || _deactivating || _cancelReason is not null)
        {
            return;
        }

        _retryTimer?.Dispose();
        _retryTimer = null;
        if (FailIfFlowVersionGone(State.FlowName, State.FlowVersion))
        {
            // A retry (or a recovered attempt) after a redeploy that dropped the run's version: the task fails, saying so,
            // whether or not the flow run's word of it arrived.
            return;
        }

        var node = Node;
        var attempt = State.Attempt + 1;
        State = State with
        {
            Status = TaskRunStatus.Running,
            Attempt = attempt,
            StartedAt = State.StartedAt ?? _time.GetUtcNow(),
            NextRetryAt = null,
            ResultHandler = _resolver.Resolve(Flow.ResultHandler, node.Options.ResultHandler, isParameter: false),
            // Recorded with the running state, before the checkpoint is written: see TaskRunState.PendingOutput.
            PendingOutput = node.Options.Checkpoint ?? _options.Checkpointing
                ? ResultKey.OfAttempt(State.FlowName, _flowRunId, _taskName, attempt, State.StartedAt ?? _time.GetUtcNow())
                : null,
        };
        _attempt = RunAttemptGuardedAsync();
    }

    private async Task RunAttemptGuardedAsync()
    {
        using var activity = TributaryTelemetry.ActivitySource.StartActivity("tributary.task.attempt");
        activity?.SetTag("tributary.flow", State.FlowName).SetTag("tributary.flow_run", _flowRunId)
            .SetTag("tributary.task", _taskName).SetTag("tributary.attempt", State.Attempt);
        var started = Stopwatch.GetTimestamp();
        string outcome;
        try
        {
            // The attempt's own outcome: with no retry delay the next attempt may already have begun when this returns.
            outcome = (await RunAttemptAsync()).ToString();
        }
        catch (StateStorageException ex) when (!_deactivated)
        {
            // The attempt's outcome could not be stored (after Tributary:StorageRetry): the run cannot rely on this
            // task, so it is told the task failed, naming the storage fault. This activation deactivates; the next one
            // reads what storage really holds, and `tributary resume` runs the task again once storage is back.
            LogAttemptCrashed(_logger, ex, _flowRunId, _taskName, State.Attempt);
            await ReportAsync(new TaskRunReport
            {
                TaskName = _taskName,
                Status = TaskRunStatus.Failed,
                Message = Truncate($"Its state could not be stored: {ex.Message}"),
                StorageFault = true,
            });
            outcome = "StorageFault";
        }
        catch (Exception ex)
        {
            // A bug or an infrastructure failure (state storage down) outside the task's code: make it visible. The
            // flow run's progress check finds the task still unfinished and acts on its persisted state.
            LogAttemptCrashed(_logger, ex, _flowRunId, _taskName, State.Attempt);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            outcome = "Crashed";
        }

        activity?.SetTag("tributary.outcome", outcome);
        var tags = new TagList { { "flow", State.FlowName }, { "task", _taskName }, { "outcome", outcome } };
        _telemetry.Attempts.Add(1, tags);
        _telemetry.AttemptDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
    }

    /// <summary>Stores a result through its handler (retrying transient faults under Tributary:StorageRetry), timing the write.</summary>
    private async Task<SafeResult> StoreAsync(Result result, ResultKey? key = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        // Result.StoreSafeValueAsync writes once and lets a failed write be tried again: each retry is a fresh write.
        var safe = (SafeResult)await _storageRetry.ExecuteAsync(
            token => key is null ? result.StoreSafeValueAsync(token) : result.StoreSafeValueAsync(key, token), cancellationToken);
        _telemetry.StoreDuration.Record(
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("handler", result.ResultHandler.Descriptor.Kind));
        return safe;
    }

    private async Task RecoverLostAttemptAsync()
    {
        // Let the state load that found the lost attempt finish first.
        await Task.Yield();
        var lost = new AttemptLostException(State.Attempt);
        LogAttemptLost(_logger, _flowRunId, _taskName, State.Attempt);
        try
        {
            if (await TryAdoptPendingOutputAsync())
            {
                return;
            }

            if (State.LostAttempts >= _options.MaxLostAttempts)
            {
                await FailUnrunnableAsync(Truncate(
                    $"{lost.Message} Attempts lost this way: {State.LostAttempts + 1}, more than Tributary:MaxLostAttempts " +
                    $"({_options.MaxLostAttempts}); the task's own code may be bringing its silo down."));
                return;
            }

            // Run it again at once: the flow run starts it like any pending task whose upstream tasks succeeded.
            State = State with
            {
                Status = TaskRunStatus.Pending,
                LostAttempts = State.LostAttempts + 1,
                Message = lost.Message,
            };
            await _state.WriteAsync();
            await ReportAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Pending, Message = lost.Message });
        }
        catch (Exception ex)
        {
            LogAttemptCrashed(_logger, ex, _flowRunId, _taskName, State.Attempt);
        }
    }

    /// <summary>One attempt, on the grain's scheduler; the task's own code runs on the thread pool.</summary>
    /// <returns>The status the attempt ended in (Pending when its inputs were lost).</returns>
    private async Task<TaskRunStatus> RunAttemptAsync()
    {
        // The attempt is stored as running while its inputs are fetched and its code runs (the write overlaps them),
        // so that if its silo dies the lost attempt is seen and counted (see RecoverLostAttemptAsync).
        if (Node.Map is { } map && MapChildIndex is null)
        {
            return await RunMapAsync(Node, map); // a map's own attempt only counts its list (see TaskRunGrain.Map.cs)
        }

        var storeRunning = _options.StoreRunningAttempts ? ObserveAsync(_state.WriteAsync()) : Task.CompletedTask;
        // No idle collection while the attempt runs (it is no grain call, so Orleans would see the activation idle);
        // a graceful deactivation still comes, and drains it (see OnDeactivateAsync).
        using var keepAlive = KeepAliveWhileAttemptRuns();
        var node = Node;
        AttemptInputs inputs;
        try
        {
            inputs = await GatherInputsAsync(node);
        }
        catch (UpstreamOutputsLostException lost)
        {
            await storeRunning;
            await ReportInputsLostAsync(lost.Upstreams);
            return TaskRunStatus.Pending;
        }
        catch (RetryInputMissingException missing)
        {
            // Never run without a value: the task fails, naming the input, rather than guessing.
            await storeRunning;
            await FailUnrunnableAsync(Truncate($"Attempt {State.Attempt} cannot run: {missing.Message}"));
            return TaskRunStatus.Failed;
        }
        catch (Exception ex)
        {
            return await FailAttemptAsync(node, inputs: null, $"Could not get its inputs: {ex.Message}", ex);
        }

        if (_state.IsBroken)
        {
            // Storing the attempt as running failed for good: its outcome could not be stored either, so the code does
            // not run; the storage fault is reported instead (see RunAttemptGuardedAsync).
            await _state.WriteAsync();
        }

        if (node.Options.CacheFor is not null && await TryAnswerFromCacheAsync(node, inputs) is { } cached)
        {
            return cached; // see TaskRunGrain.Caching.cs
        }

        object? value;
        try
        {
            value = await InvokeAsync(node, inputs.Values);
        }
        catch (OperationCanceledException) when (_deactivated)
        {
            // Cancelled by a hand-over at deactivation (see HandOverAsync): another activation runs it again.
            ReleaseCacheLease();
            return TaskRunStatus.Running;
        }
        catch (Exception) when (_cancelReason is not null)
        {
            return await EndCancelledAsync(report: true); // its run was cancelled (TaskRunGrain.Cancellation.cs)
        }
        catch (TaskSkippedException skip)
        {
            ReleaseCacheLease();
            return await SkipAsync(skip);
        }
        catch (Exception ex)
        {
            ReleaseCacheLease();
            return await FailAttemptAsync(node, inputs, ex.Message, ex);
        }

        if (_cancelReason is not null && !_deactivated)
        {
            // Its run was cancelled while the code finished anyway: the result is discarded, as for a timed-out attempt.
            return await EndCancelledAsync(report: true);
        }

        return await SucceedAsync(node, value, inputs);
    }

    private async Task<object?> InvokeAsync(TaskNode node, object?[] inputs)
    {
        // Linked to the task's own cancellation (its run cancelled: see TaskRunGrain.Cancellation.cs).
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token);
        _attemptCancellation = cancellation;
        try
        {
            var context = new TaskRunContext(_flowRunId, _taskName, State.Attempt);
            // The silo's services: a task written as a class is created from them, in a scope of its own per attempt.
            var services = ServiceProvider;
            var work = Task.Run(() => node.Function.InvokeAsync(inputs, context, services, cancellation.Token), cancellation.Token);
            if (node.Options.Timeout is not { } timeout)
            {
                return await WaitUnlessCancelledAsync(work, timeout: null);
            }

            try
            {
                return await WaitUnlessCancelledAsync(work, timeout);
            }
            catch (TimeoutException)
            {
                // The abandoned work may still fault later: observe it so its exception is logged, not lost.
                ObserveAbandoned(work);
                await cancellation.CancelAsync();
                throw new TimeoutException($"Attempt {State.Attempt} timed out after {timeout} and was cancelled.");
            }
        }
        finally
        {
            _attemptCancellation = null;
        }
    }

    private async Task ObserveAsync(Task write)
    {
        try
        {
            await write;
        }
        catch (Exception ex)
        {
            // Not fatal: the attempt goes on; only its protection against a dying silo is lost.
            LogRunningNotStored(_logger, ex, _flowRunId, _taskName, State.Attempt);
        }
    }

    private async Task<TaskRunStatus> SucceedAsync(TaskNode node, object? value, AttemptInputs inputs)
    {
        if (_deactivated)
        {
            // Finished after its activation went away: a newer activation owns the task now.
            return TaskRunStatus.Running;
        }

        var handler = _handlers.GetHandler(State.ResultHandler!);
        var outputType = value is null || node.Function.OutputType.IsInstanceOfType(value) ? node.Function.OutputType : value.GetType();
        _output = new Result(value, outputType, handler);
        _payload = null;
        SafeResult? checkpoint = null;
        // A cached task's output is written too: its cache entry is where it is.
        if ((node.Options.Checkpoint ?? _options.Checkpointing) || node.Options.CacheFor is not null)
        {
            try
            {
                // Written under a name derived from the attempt (recorded in the running state): after a crash, the next
                // activation adopts it if the running state was stored, and a rerun of the attempt overwrites it if not.
                checkpoint = await StoreAsync(_output, State.PendingOutput);
            }
            catch (Exception ex)
            {
                // The output could not be made durable: fail the attempt rather than claim a checkpoint we lack.
                ReleaseCacheLease();
                return await FailAttemptAsync(node, inputs, $"Checkpoint through {handler.Descriptor} failed: {ex.Message}", ex);
            }
        }

        var cached = node.Options.CacheFor is not null;
        var status = cached ? TaskRunStatus.Cached : TaskRunStatus.Success;
        var copies = End(status, checkpoint, cached ? await AddCacheEntryAsync(node, checkpoint!) : null);
        LogSucceeded(_logger, _flowRunId, _taskName, State.Attempt, checkpoint is not null);

        // An output kept in memory only must outlive idle collection while downstream tasks may still ask for it; the
        // flow run releases it once they all succeeded (or the run ended).
        var holds = checkpoint is null && HasDownstream();
        if (holds)
        {
            HoldOutput();
        }

        // A stored output's copy in memory is released too: idle activations would otherwise keep every output of every
        // finished run (and its serialized form) until they are collected.
        var report = new TaskRunReport { TaskName = _taskName, Status = status, HoldsOutput = holds, KeepsStoredOutput = checkpoint is not null };
        if (holds && _options.ReportBeforeStored)
        {
            // Embedded only (see TributaryOptions.ReportBeforeStored): the write and the report overlap, and downstream
            // tasks read the output from this activation's memory without waiting for the write.
            await Task.WhenAll(_state.WriteAsync(), ReportAsync(report));
            await DeleteCachedCopiesAsync(copies);
        }
        else
        {
            // Stored before it is reported: the run never moves on, or ends, on a success storage did not receive.
            await _state.WriteAsync();
            await DeleteCachedCopiesAsync(copies);
            await ReportAsync(report);
        }

        await UnregisterRetryReminderAsync();
        return status;
    }

    private async Task FailUnrunnableAsync(string message)
    {
        State = State with { Status = TaskRunStatus.Failed, FinishedAt = _time.GetUtcNow(), Message = message };
        await _state.WriteAsync();
        await ReportAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Failed, Message = message });
    }

    private async Task ReportAsync(TaskRunReport report)
    {
        if (report.Status.IsFinal() && report.State is null && State.Status == report.Status)
        {
            report = report with { State = State }; // the flow run keeps it for snapshots
        }

        try
        {
            await GrainReferences.Of<IFlowRunGrain>(GrainFactory, _flowRunId).OnTaskFinishedAsync(report);
        }
        catch (Exception ex)
        {
            // The flow run checks on its tasks periodically and after restarts, so it still learns of this.
            LogReportFailed(_logger, ex, _flowRunId, _taskName, report.Status);
        }
    }
}
