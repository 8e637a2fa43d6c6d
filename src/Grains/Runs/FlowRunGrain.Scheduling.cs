using System.Collections.Immutable;
using Tributary.Grains;
using Tributary.States;
using Tributary.Storage;

namespace Tributary.Runs;

internal sealed partial class FlowRunGrain
{
    public async Task OnTaskFinishedAsync(TaskRunReport report)
    {
        if (State.Status != FlowRunStatus.Running
            || !State.TaskStatuses.TryGetValue(report.TaskName, out var known)
            || (known.IsFinal() && !report.Status.IsFinal()))
        {
            // Unknown, or late: a zero-delay retry can succeed before its attempt's Retrying report arrives.
            return;
        }

        NoteReport(report);
        await ApplyAsync(report.TaskName, report.Status, report.LostUpstreams, report.Message);
        if (report.Status == TaskRunStatus.Success)
        {
            ReleaseUsedOutputs(report.TaskName);
        }

        // Only a success makes new tasks ready, and only among its downstream tasks (lost outputs reset upstreams).
        await ScheduleReadyTasksAsync(report.Status == TaskRunStatus.Success ? DownstreamOf(report.TaskName) : null);
    }

    private async Task ApplyAsync(string taskName, TaskRunStatus status, ImmutableArray<string> lostUpstreams, string? message)
    {
        SetStatus(taskName, status);
        if (status == TaskRunStatus.Failed)
        {
            await MarkDownstreamFailedAsync(taskName);
        }
        else if (status == TaskRunStatus.Pending && !lostUpstreams.IsDefaultOrEmpty)
        {
            // Deliberate choice: an upstream output that was neither kept nor checkpointed is recomputed by running
            // that upstream again; its downstream waits for it like any pending task.
            LogRerunningUpstreams(_logger, State.FlowRunId, taskName, string.Join(", ", lostUpstreams));
            var statuses = await Task.WhenAll(lostUpstreams.Select(upstream => TaskGrain(upstream).ResetAsync()));
            for (var i = 0; i < statuses.Length; i++)
            {
                SetStatus(lostUpstreams[i], statuses[i]);
            }

            var failed = lostUpstreams.Where((_, i) => statuses[i] is TaskRunStatus.Failed or TaskRunStatus.UpstreamFailed).ToArray();
            if (failed.Length > 0)
            {
                // An upstream it waits for failed meanwhile: this task cannot run either.
                SetStatus(taskName, TaskRunStatus.Pending);
                var reason = $"Not run: upstream task '{failed[0]}' did not succeed.";
                await TaskGrain(taskName).MarkUpstreamFailedAsync(State.FlowName, reason);
                SetStatus(taskName, TaskRunStatus.UpstreamFailed);
                await MarkDownstreamFailedAsync(taskName);
            }
        }

        if (message is not null && status == TaskRunStatus.Failed)
        {
            LogTaskFailed(_logger, State.FlowRunId, taskName, message);
        }
    }

    private async Task MarkDownstreamFailedAsync(string failedTask)
    {
        var marks = new List<Task>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Task, string Cause)>(DownstreamOf(failedTask).Select(d => (d, failedTask)));
        while (queue.TryDequeue(out var item))
        {
            if (!seen.Add(item.Task) || StatusOf(item.Task) != TaskRunStatus.Pending)
            {
                continue;
            }

            SetStatus(item.Task, TaskRunStatus.UpstreamFailed);
            var reason = item.Cause == failedTask
                ? $"Not run: upstream task '{failedTask}' failed."
                : $"Not run: upstream task '{item.Cause}' did not run because '{failedTask}' failed.";
            marks.Add(TaskGrain(item.Task).MarkUpstreamFailedAsync(State.FlowName, reason));
            foreach (var next in DownstreamOf(item.Task))
            {
                queue.Enqueue((next, item.Task));
            }
        }

        await Task.WhenAll(marks);
    }

    /// <summary>Starts every pending task whose upstream tasks all succeeded; ends the run when every task is final.</summary>
    /// <param name="candidates">The tasks that may have become ready; every task when <see langword="null"/>.</param>
    private async Task ScheduleReadyTasksAsync(IReadOnlyList<string>? candidates = null)
    {
        var starts = new List<Task>();
        foreach (var name in candidates ?? Definition.TaskOrder)
        {
            if (StatusOf(name) != TaskRunStatus.Pending || !AllUpstreamsSucceeded(name))
            {
                continue;
            }

            SetStatus(name, TaskRunStatus.Running);
            starts.Add(TaskGrain(name).RunAsync(State.FlowName, State.FlowVersion, ParameterInputsOf(name), _neverStarted.Remove(name)));
        }

        await Task.WhenAll(starts);
        if (AllTasksFinal())
        {
            await CompleteAsync();
        }
    }

    private IReadOnlyList<string> DownstreamOf(string taskName) =>
        Definition.Downstream.TryGetValue(taskName, out var downstream) ? downstream : [];

    // A task added to the flow by a redeploy while the run was going is not in the run's statuses yet: Pending.
    private TaskRunStatus StatusOf(string taskName) => State.TaskStatuses.GetValueOrDefault(taskName, TaskRunStatus.Pending);

    private bool AllUpstreamsSucceeded(string taskName)
    {
        // Last upstreams first: they tend to finish last, so a fan-in's check stops early instead of walking them all.
        var upstreams = Definition.Upstream[taskName];
        for (var i = upstreams.Count - 1; i >= 0; i--)
        {
            if (StatusOf(upstreams[i]) != TaskRunStatus.Success)
            {
                return false;
            }
        }

        return true;
    }

    private bool AllTasksFinal()
    {
        // Last tasks first: in a run still going they are the ones not final, so the check stops early.
        var order = Definition.TaskOrder;
        for (var i = order.Count - 1; i >= 0; i--)
        {
            if (!StatusOf(order[i]).IsFinal())
            {
                return false;
            }
        }

        return true;
    }

    private ImmutableDictionary<string, string> ParameterInputsOf(string taskName)
    {
        var inputs = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (!Definition.Tasks.TryGetValue(taskName, out var task))
        {
            return ImmutableDictionary<string, string>.Empty; // removed by a redeploy: the task grain fails it, saying so
        }

        foreach (var (input, source) in task.Edges)
        {
            if (State.Parameters.TryGetValue(source, out var json))
            {
                inputs[input] = json;
            }
        }

        return inputs.ToImmutable();
    }

    private void SetStatus(string taskName, TaskRunStatus status) =>
        State = State with { TaskStatuses = State.TaskStatuses.SetItem(taskName, status) };

    /// <summary>Ends the run: Success when every task succeeded, otherwise Failed with <paramref name="failure"/> or the tasks that did not succeed.</summary>
    private async Task CompleteAsync(string? failure = null)
    {
        if (State.Status != FlowRunStatus.Running)
        {
            return;
        }

        var failed = State.TaskStatuses.Where(pair => pair.Value != TaskRunStatus.Success).Select(pair => pair.Key).ToArray();
        var running = State;
        State = State with
        {
            Status = failed.Length == 0 && failure is null ? FlowRunStatus.Success : FlowRunStatus.Failed,
            FinishedAt = _time.GetUtcNow(),
            Message = failure ?? (failed.Length == 0 ? null : $"Tasks that did not succeed: {string.Join(", ", failed)}.{StorageFaultSummary()}"),
        };
        try
        {
            await _state.WriteReconciledAsync(_storageRetry);
        }
        catch
        {
            // Not stored: the run is still running as far as storage knows; the next progress check completes it.
            State = running;
            throw;
        }

        LogFinished(_logger, State.FlowRunId, State.Status);
        ReleaseAllOutputs();
        StopProgressChecks();
        await UnregisterProgressReminderAsync();
        foreach (var waiter in _waiters.ToArray())
        {
            waiter.TrySetResult();
        }
    }
}
