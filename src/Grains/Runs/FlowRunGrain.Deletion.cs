using Tributary.Index;
using Tributary.States;

namespace Tributary.Runs;

// Deleting the run itself, once its results are gone (the SDK's DeleteResultsAsync): its task runs' states, its entry in
// the run index, then its own state, in that order, so that a deletion that fails half-way can be asked again by run id
// (the run's own state, deleted last, names what is left).
internal sealed partial class FlowRunGrain
{
    public async Task<bool> DeleteAsync()
    {
        if (State.Status == FlowRunStatus.NotFound)
        {
            return false;
        }

        if (State.Status == FlowRunStatus.Running)
        {
            throw new InvalidOperationException(
                $"Flow run '{State.FlowRunId}' is still running: cancel it or wait for its end before deleting it.");
        }

        // Every task run's state, a map's children included (their names come from their map's stored count).
        var tasks = await RowsOfAsync([.. TaskNamesInOrder()]);
        var names = new List<string>();
        foreach (var task in tasks)
        {
            names.Add(task.TaskName);
            if (task.MapCount is { } count)
            {
                names.AddRange(ChildrenOf(task.TaskName, count));
            }
        }

        await BoundedConcurrency.ForEachAsync(names.Count, TaskCallConcurrency, i => TaskGrain(names[i]).DeleteStateAsync());
        if (State.StartedAt is { } started)
        {
            await GrainFactory.GetGrain<IFlowRunIndexGrain>(RunIndexKeys.Partition(State.FlowName, RunIndexKeys.Hour(started)))
                .RemoveAsync(State.FlowRunId);
        }

        StopProgressChecks();
        await UnregisterProgressReminderAsync();
        var record = _storedRecord;
        if (_state.RecordExists)
        {
            await _storageRetry.ExecuteAsync(_ => _state.ClearStateAsync());
        }

        _storedRecord = null;
        if (record is not null)
        {
            await _recordForm.DeletePagesAsync(record);
        }

        State = new FlowRunState { FlowRunId = State.FlowRunId, Status = FlowRunStatus.NotFound };
        _definition = null;
        _finalRows.Clear();
        DeactivateOnIdle();
        return true;
    }
}
