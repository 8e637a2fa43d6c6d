using Tributary.Flows;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class TaskRunGrain
{
    public async Task<TaskRunStatus> ResumeAsync()
    {
        await EnsureLoadedAsync();
        if (State.Status is not (TaskRunStatus.Failed or TaskRunStatus.UpstreamFailed or TaskRunStatus.TriggerFailed or TaskRunStatus.Cancelled))
        {
            return State.Status;
        }

        LogResumed(_logger, _flowRunId, _taskName, State.Status, State.Attempt);
        ForgetCancellation();
        var origin = State.Origin ?? new TaskRunOrigin();
        State = State with
        {
            Status = TaskRunStatus.Pending,
            FinishedAt = null,
            NextRetryAt = null,
            Message = $"Resumed after {State.Status}: {State.Message}",
            // The attempts so far keep their numbers but no longer count against the retries (see RetriesUsed).
            Origin = origin with { Resumes = origin.Resumes + 1, AttemptsBeforeResume = State.Attempt - State.LostAttempts - State.InterruptedAttempts },
        };
        await _state.WriteAsync();
        return State.Status;
    }
}
