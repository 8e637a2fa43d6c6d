using Tributary.Flows;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class TaskRunGrain
{
    // The task's node with its retries made whole after a resume, kept for the activation (see WithRetriesRestored).
    private (TaskNode Declared, int Extra, TaskNode Restored)? _restoredNode;

    public async Task<TaskRunStatus> ResumeAsync()
    {
        await EnsureLoadedAsync();
        if (State.Status is not (TaskRunStatus.Failed or TaskRunStatus.UpstreamFailed))
        {
            return State.Status;
        }

        LogResumed(_logger, _flowRunId, _taskName, State.Status, State.Attempt);
        var origin = State.Origin ?? new TaskRunOrigin();
        State = State with
        {
            Status = TaskRunStatus.Pending,
            FinishedAt = null,
            NextRetryAt = null,
            Message = $"Resumed after {State.Status}: {State.Message}",
            // The attempts so far keep their numbers but no longer count against the retries (same count as the retry check).
            Origin = origin with { Resumes = origin.Resumes + 1, AttemptsBeforeResume = State.Attempt - State.LostAttempts },
        };
        await _state.WriteAsync();
        return State.Status;
    }

    /// <summary>
    /// The task's node as its attempts see it: after a resume, its <see cref="TaskOptions.MaxRetries"/> is raised by the
    /// attempts made before the resume, because the retry check counts every attempt the task made (less lost ones) and
    /// a resumed task has its full retries again while its attempt numbers go on.
    /// </summary>
    private TaskNode WithRetriesRestored(TaskNode declared)
    {
        var extra = State.Origin?.AttemptsBeforeResume ?? 0;
        if (extra <= 0)
        {
            return declared;
        }

        if (_restoredNode is { } kept && ReferenceEquals(kept.Declared, declared) && kept.Extra == extra)
        {
            return kept.Restored;
        }

        var maxRetries = declared.Options.MaxRetries > int.MaxValue - extra ? int.MaxValue : declared.Options.MaxRetries + extra;
        var restored = new TaskNode(declared.Name, declared.Function, declared.Options with { MaxRetries = maxRetries });
        foreach (var (input, source) in declared.Edges)
        {
            restored.WithInput(input, source);
        }

        restored.Freeze();
        _restoredNode = (declared, extra, restored);
        return restored;
    }
}
