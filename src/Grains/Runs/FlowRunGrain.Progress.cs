using System.Collections.Immutable;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class FlowRunGrain
{
    private const string ProgressReminder = "progress";
    private static readonly TimeSpan QuickRecheck = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan TaskCallTimeout = TimeSpan.FromSeconds(5);
    private IGrainTimer? _progressTimer;

    // The first check of an activation asks every unfinished task (after a restart nothing else is known); later
    // checks ask only the tasks that were started.
    private bool _checkedAllTasks;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ProgressReminder)
        {
            return;
        }

        if (State.Status != FlowRunStatus.Running)
        {
            await UnregisterProgressReminderAsync();
        }

        // Otherwise OnActivateAsync (a restart) or the timer (a live activation) already checks progress.
    }

    private void StartProgressChecks(bool dueNow)
    {
        _progressTimer?.Dispose();
        // KeepAlive: a running run stays active, so it is always listed with a live silo and a silo's death reaches it.
        _progressTimer = this.RegisterGrainTimer(
            CheckProgressAsync,
            new GrainTimerCreationOptions(dueNow ? TimeSpan.Zero : _options.ProgressCheckInterval, _options.ProgressCheckInterval) { KeepAlive = true });
        ListWithThisSilo();
    }

    private void StopProgressChecks()
    {
        _progressTimer?.Dispose();
        _progressTimer = null;
        UnlistFromThisSilo();
    }

    /// <summary>
    /// Asks every unfinished task run for its state and acts on what the run missed: a report lost on the way, a task
    /// that lost its attempt with a dead silo (it reads Pending again), a retry that is overdue.
    /// </summary>
    private async Task CheckProgressAsync(CancellationToken cancellationToken)
    {
        if (State.Status != FlowRunStatus.Running)
        {
            StopProgressChecks();
            return;
        }

        if (!HasOwnFlowVersion())
        {
            // Redeployed without the version this run started with: it cannot go on; say why instead of checking forever.
            await FailFlowVersionGoneAsync();
            return;
        }

        if (CancelRequested)
        {
            // Cancelling (perhaps since before a restart): ask the unfinished tasks again; a lost report is found so too.
            await CancelUnfinishedTasksAsync();
            return;
        }

        // Never the tasks this activation knows it never started: nothing is stored for them, so nothing can be missed.
        var unfinished = State.TaskStatuses
            .Where(pair => _checkedAllTasks ? pair.Value is TaskRunStatus.Running or TaskRunStatus.Retrying : !pair.Value.IsFinal())
            .Select(pair => pair.Key)
            .Where(name => !_neverStarted.Contains(name))
            .ToArray();
        _checkedAllTasks = true;
        // Bounded: after a restart this asks every unfinished task, and thousands of reads at once would time out.
        var states = await BoundedConcurrency.WhenAllAsync(
            unfinished,
            TaskCallConcurrency,
            async name =>
            {
                try
                {
                    // A call that reached a silo as it died can hang until the response timeout; the grain would wait
                    // with it (a check holds the run's turn), so it gives up sooner and asks again (QuickRecheck).
                    return await TaskGrain(name).GetStateAsync().WaitAsync(TaskCallTimeout, _time);
                }
                catch (Exception ex)
                {
                    LogProgressCheckFailed(_logger, ex, State.FlowRunId, name);
                    return null;
                }
            });

        if (states.Any(state => state is null))
        {
            // Some did not answer (a call that reached a silo just declared dead is refused): ask again soon.
            _progressTimer?.Change(QuickRecheck, _options.ProgressCheckInterval);
        }

        var kicks = new List<Task>();
        foreach (var state in states)
        {
            if (state is null)
            {
                continue;
            }

            var known = State.TaskStatuses[state.TaskName];
            if (state.Status.IsFinal() && known != state.Status)
            {
                await ApplyAsync(state.TaskName, state.Status, [], state.Message);
            }
            else if (state.Status == TaskRunStatus.Pending && known != TaskRunStatus.Pending)
            {
                // Its attempt was lost (the silo running it died): run it again when its upstreams allow.
                SetStatus(state.TaskName, TaskRunStatus.Pending);
            }
            else if (state.Status == TaskRunStatus.Retrying)
            {
                SetStatus(state.TaskName, TaskRunStatus.Retrying);
                if (state.NextRetryAt <= _time.GetUtcNow())
                {
                    // Activating the grain re-arms its retry timer; the call is all it needs.
                    kicks.Add(TaskGrain(state.TaskName).RunAsync(State.FlowName, State.FlowVersion, ParameterInputsOf(state.TaskName), firstStart: false));
                }
            }

            KeepRow(state); // a final one answers snapshots from here on
        }

        await Task.WhenAll(kicks);
        await RestoreMapsAsync(states);
        await ScheduleReadyTasksAsync();
    }

    private Task UnregisterProgressReminderAsync() => this.UnregisterReminderIfPresentAsync(ProgressReminder);
}
