using Tributary.Runs;
using Tributary.Storage;

namespace Tributary.Index;

/// <summary>
/// One partition of the run index: the runs of one flow started in one UTC hour, told by each flow run at its start, its
/// end and a resume. Bounded by the hour: a partition holds what one flow starts in an hour (about 80 bytes a run).
/// </summary>
internal sealed class FlowRunIndexGrain(
    [PersistentState("index", TributaryStorage.Name)] IPersistentState<FlowRunIndexState> state,
    StorageRetry storageRetry) : Grain, IFlowRunIndexGrain
{
    public async Task RecordAsync(FlowRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (state.State.Runs.TryGetValue(summary.FlowRunId, out var known) && known == summary)
        {
            return;
        }

        if (state.State.Runs.IsEmpty)
        {
            // Listed before the entry is stored, so that a stored entry is always reachable (adding again is a no-op).
            var hour = RunIndexKeys.Hour(summary.StartedAt);
            await GrainFactory.GetGrain<IRunIndexDirectoryGrain>(RunIndexKeys.Flows).AddAsync(summary.FlowName);
            await GrainFactory.GetGrain<IRunIndexDirectoryGrain>(RunIndexKeys.HoursOf(summary.FlowName)).AddAsync(hour);
        }

        await state.WriteOrRestoreAsync(state.State with { Runs = state.State.Runs.SetItem(summary.FlowRunId, summary) }, storageRetry);
    }

    public Task<IReadOnlyList<FlowRunSummary>> GetRunsAsync() =>
        Task.FromResult<IReadOnlyList<FlowRunSummary>>([.. state.State.Runs.Values]);

    public async Task RemoveAsync(string flowRunId)
    {
        ArgumentException.ThrowIfNullOrEmpty(flowRunId);
        if (!state.State.Runs.ContainsKey(flowRunId))
        {
            return;
        }

        // The hour stays in its flow's directory: an empty partition lists nothing, and a later run of the hour reuses it.
        await state.WriteOrRestoreAsync(state.State with { Runs = state.State.Runs.Remove(flowRunId) }, storageRetry);
    }
}
