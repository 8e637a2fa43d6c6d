using System.Collections.Immutable;
using Tributary.Grains;
using Tributary.States;
using Tributary.Storage;

namespace Tributary.Runs;

internal sealed partial class FlowRunGrain
{
    public async Task OnTaskFinishedAsync(TaskRunReport report)
    {
        if (await FollowUnknownChildAsync(report))
        {
            return; // a child of a map this activation did not follow yet: it follows the map now (FlowRunGrain.Map.cs)
        }

        if (State.Status != FlowRunStatus.Running
            || !State.TaskStatuses.TryGetValue(report.TaskName, out var known)
            || (known.IsFinal() && !report.Status.IsFinal()))
        {
            // Unknown, or late: a zero-delay retry can succeed before its attempt's Retrying report arrives.
            return;
        }

        if (CancelRequested && !report.Status.IsFinal())
        {
            // Cancelling: a map's count, a retry or lost outputs start nothing now; the task is told again instead.
            await CancelUnfinishedTasksAsync();
            return;
        }

        if (report.MapCount is { } count)
        {
            await ExpandMapAsync(report.TaskName, count); // a map counted its list: its children run (FlowRunGrain.Map.cs)
            return;
        }

        NoteReport(report);
        await ApplyAsync(report.TaskName, report.Status, report.LostUpstreams, report.Message);
        if (report.State is { } state)
        {
            KeepRow(state);
        }

        if (report.Status.IsFinal())
        {
            // ApplyAsync decided the triggers of its downstream tasks, the only ones its end can make ready.
            ReleaseUsedOutputs(report.TaskName);
            return;
        }

        // A retry, a lost attempt, lost outputs: any pending task may need starting, and the run may be over.
        await ScheduleReadyTasksAsync();
    }

    private async Task ApplyAsync(string taskName, TaskRunStatus status, ImmutableArray<string> lostUpstreams, string? message)
    {
        SetStatus(taskName, status);
        if (message is not null && status == TaskRunStatus.Failed)
        {
            LogTaskFailed(_logger, State.FlowRunId, taskName, message);
        }

        if (status.IsFinal())
        {
            await ScheduleReadyTasksAsync(DownstreamOf(taskName), taskName);
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

            var failed = lostUpstreams.Where((_, i) => statuses[i].IsFinal() && !statuses[i].IsSuccess()).ToArray();
            if (failed.Length > 0 && TriggerOf(taskName) == Flows.TaskTrigger.AllSuccessful)
            {
                // An upstream it waits for failed meanwhile: this task cannot run either. (Under another trigger it stays
                // pending, and its trigger is decided like any other's: it may run without that output.)
                SetStatus(taskName, TaskRunStatus.Pending);
                var reason = $"Not run: upstream task '{failed[0]}' did not succeed.";
                await TaskGrain(taskName).MarkNotRunAsync(State.FlowName, TaskRunStatus.UpstreamFailed, reason);
                SetStatus(taskName, TaskRunStatus.UpstreamFailed);
                await ScheduleReadyTasksAsync(DownstreamOf(taskName), taskName);
            }
        }
    }

    /// <summary>
    /// Decides the trigger of each pending task among <paramref name="candidates"/> whose upstream tasks allow it: starts
    /// the tasks whose trigger holds, ends the others (UpstreamFailed, Skipped, TriggerFailed) and decides their own
    /// downstream tasks in turn; ends the run when every task is final.
    /// </summary>
    /// <param name="candidates">The tasks that may be decided now; every task when <see langword="null"/>.</param>
    /// <param name="finished">The task whose end made <paramref name="candidates"/> worth deciding, if any.</param>
    private async Task ScheduleReadyTasksAsync(IReadOnlyList<string>? candidates = null, string? finished = null)
    {
        if (CancelRequested)
        {
            await CancelUnfinishedTasksAsync(); // nothing starts any more (FlowRunGrain.Cancellation.cs)
            return;
        }

        var calls = new List<Task>();
        var queue = new Queue<(string Task, string? Finished)>();
        foreach (var name in candidates ?? Definition.TaskOrder)
        {
            queue.Enqueue((name, finished));
        }

        while (queue.TryDequeue(out var item))
        {
            var name = item.Task;
            if (StatusOf(name) != TaskRunStatus.Pending)
            {
                continue;
            }

            var (verdict, cause) = Decide(name, item.Finished);
            if (verdict == TriggerVerdict.Wait)
            {
                continue;
            }

            if (verdict == TriggerVerdict.Run)
            {
                SetStatus(name, TaskRunStatus.Running);
                calls.Add(TaskGrain(name).RunAsync(State.FlowName, State.FlowVersion, ParameterInputsOf(name), _neverStarted.Remove(name)));
                continue;
            }

            // Not run: final now, so its own downstream tasks are decided in turn.
            var (status, reason) = NotRun(name, verdict, cause);
            SetStatus(name, status);
            _neverStarted.Remove(name); // its grain stores the status: a later start must read it
            calls.Add(TaskGrain(name).MarkNotRunAsync(State.FlowName, status, reason));
            ReleaseUsedOutputs(name); // it will never ask its upstream tasks for their outputs
            foreach (var next in DownstreamOf(name))
            {
                queue.Enqueue((next, name));
            }
        }

        await Task.WhenAll(calls);
        await AdvanceMapsAsync();
        if (AllTasksFinal())
        {
            await CompleteAsync();
        }
    }

    private IReadOnlyList<string> DownstreamOf(string taskName) =>
        Definition.Downstream.TryGetValue(taskName, out var downstream) ? downstream : [];

    // A task added to the flow by a redeploy while the run was going is not in the run's statuses yet: Pending.
    private TaskRunStatus StatusOf(string taskName) => State.TaskStatuses.GetValueOrDefault(taskName, TaskRunStatus.Pending);

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
        if (!Definition.Tasks.TryGetValue(MapOfChild(taskName) ?? taskName, out var task)) // a map's child takes its map's
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

    private void SetStatus(string taskName, TaskRunStatus status)
    {
        var before = StatusOf(taskName);
        if (before != status)
        {
            NoteChange();
        }

        State = State with { TaskStatuses = State.TaskStatuses.SetItem(taskName, status) };
        if (!status.IsFinal())
        {
            _finalRows.Remove(taskName); // running again (a resume, a lost output): its next outcome is another row
        }

        NoteMapChild(taskName, before, status);
    }
}
