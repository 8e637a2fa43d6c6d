using Tributary.Grains;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class FlowRunGrain
{
    public async Task<FlowRunState> ResumeAsync()
    {
        if (State.Status is not (FlowRunStatus.Failed or FlowRunStatus.Cancelled))
        {
            throw FlowRunNotResumableException.ForStatus(State.FlowRunId, State.Status);
        }

        if (!HasOwnFlowVersion())
        {
            throw new FlowRunNotResumableException(
                State.FlowRunId, State.Status, $"{FlowVersionGoneMessage()} It cannot be resumed; start a new run instead.");
        }

        // Every task the run did not see succeed is asked: a failed or upstream-failed one goes back to pending (its
        // attempts go on from where they were, its retries are whole again); any other answers with its status. The
        // successful ones stay as they are: a downstream task asks them for their outputs, read back from a checkpoint
        // or, when the output was neither kept nor checkpointed, recomputed by running the task again.
        var asked = State.TaskStatuses.Where(pair => !pair.Value.IsSuccess()).Select(pair => pair.Key).ToArray();
        var statuses = await BoundedConcurrency.WhenAllAsync(asked, TaskCallConcurrency, name => TaskGrain(name).ResumeAsync());
        var failed = State;
        for (var i = 0; i < asked.Length; i++)
        {
            SetStatus(asked[i], statuses[i]);
        }

        State = State with
        {
            Status = FlowRunStatus.Running,
            FinishedAt = null,
            Message = null,
            Resumes = State.Resumes + 1,
            CancelRequestedAt = null, // a resumed cancelled run goes on like a resumed failed one
            CancelReason = null,
        };
        try
        {
            await StoreAsync();
        }
        catch
        {
            // Not stored, so not resumed: the tasks set back to pending are picked up by the next resume.
            State = failed;
            throw;
        }

        LogResumed(_logger, State.FlowRunId, State.Resumes, string.Join(", ", asked));
        await RecordInIndexAsync();
        _checkedAllTasks = false;
        StartProgressChecks(dueNow: false);
        await this.RegisterOrUpdateReminder(ProgressReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await ScheduleReadyTasksAsync();
        return State;
    }
}
