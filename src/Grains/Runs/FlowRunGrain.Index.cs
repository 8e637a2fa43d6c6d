using Tributary.Index;

namespace Tributary.Runs;

// The run in the run index (src/Grains/Index): told at its start, its end and a resume, so `list` sees its status.
internal sealed partial class FlowRunGrain
{
    private async Task RecordInIndexAsync()
    {
        if (State.StartedAt is not { } started)
        {
            return;
        }

        try
        {
            var partition = RunIndexKeys.Partition(State.FlowName, RunIndexKeys.Hour(started));
            await GrainFactory.GetGrain<IFlowRunIndexGrain>(partition).RecordAsync(new FlowRunSummary
            {
                FlowRunId = State.FlowRunId,
                FlowName = State.FlowName,
                Status = State.Status,
                StartedAt = started,
                FinishedAt = State.FinishedAt,
            });
        }
        catch (Exception ex)
        {
            // The run goes on: the index is a view for listing, and the run's own state is the record.
            LogIndexNotUpdated(_logger, ex, State.FlowRunId, State.Status);
        }
    }
}
