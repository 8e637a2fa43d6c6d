using Tributary.States;

namespace Tributary.Runs;

// What a snapshot shows of each task. A final task's state comes with its report (or from a check that asked it) and is
// kept here, so a snapshot asks only the tasks that are running or retrying, and those this activation knows nothing of
// (after a restart): a status call on a long run costs a few grain calls, not one per task.
internal sealed partial class FlowRunGrain
{
    /// <summary>How many task runs a snapshot or a progress check asks at once.</summary>
    private const int TaskCallConcurrency = 64;

    private readonly Dictionary<string, TaskRunState> _finalRows = new(StringComparer.Ordinal);

    public Task OnTaskStateChangedAsync(TaskRunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_finalRows.TryGetValue(state.TaskName, out var kept) && kept.Attempt == state.Attempt)
        {
            KeepRow(state); // the same attempt's outcome, with its output stored now
        }

        return Task.CompletedTask;
    }

    /// <summary>Keeps a final task's state for snapshots, if it is the status the run knows.</summary>
    private void KeepRow(TaskRunState state)
    {
        if (state.Status.IsFinal() && StatusOf(state.TaskName) == state.Status)
        {
            _finalRows[state.TaskName] = state;
        }
    }

    /// <summary>The states of <paramref name="taskNames"/>, in order: kept, known never started, or asked.</summary>
    private async Task<TaskRunState[]> RowsOfAsync(IReadOnlyList<string> taskNames)
    {
        var rows = new TaskRunState[taskNames.Count];
        var ask = new List<int>();
        for (var i = 0; i < taskNames.Count; i++)
        {
            var name = taskNames[i];
            if (_finalRows.TryGetValue(name, out var row) && row.Status == StatusOf(name))
            {
                rows[i] = row;
            }
            else if (_neverStarted.Contains(name))
            {
                rows[i] = TaskRunGrain.NeverStarted(State.FlowRunId, name); // as its grain answers
            }
            else
            {
                ask.Add(i);
            }
        }

        var answers = await BoundedConcurrency.WhenAllAsync(ask, TaskCallConcurrency, i => TaskGrain(taskNames[i]).GetStateAsync());
        for (var j = 0; j < ask.Count; j++)
        {
            var answer = answers[j];
            if (answer.Status == TaskRunStatus.Pending && StatusOf(answer.TaskName) == TaskRunStatus.Running)
            {
                // Started by this run, not yet by its grain (the start is on its way, and a state read interleaves): shown
                // running, as the run counts it. Shown pending, a viewer would see it so until the run's next change.
                answer = answer with { Status = TaskRunStatus.Running };
            }

            rows[ask[j]] = answer;
            KeepRow(answer);
        }

        return rows;
    }
}
