using Tributary.Flows;
using Tributary.Grains;
using Tributary.States;

namespace Tributary.Runs;

// A task's code skipping the task (TaskSkippedException): final at once, no output, no retry.
internal sealed partial class TaskRunGrain
{
    /// <returns>The status the attempt ended in: Skipped.</returns>
    private async Task<TaskRunStatus> SkipAsync(TaskSkippedException skip)
    {
        if (_deactivated)
        {
            return TaskRunStatus.Running; // see SucceedAsync
        }

        LogSkipped(_logger, _flowRunId, _taskName, State.Attempt);
        // The reason is the task's own text, like an error message: recorded only when those are.
        var message = Truncate(_options.RecordErrorMessages
            ? $"Skipped by its code on attempt {State.Attempt}: {skip.Message}"
            : $"Skipped by its code on attempt {State.Attempt} (reason not recorded: Tributary:RecordErrorMessages is off).");
        var copies = End(TaskRunStatus.Skipped, output: null, message);
        await _state.WriteAsync();
        await DeleteCachedCopiesAsync(copies);
        await ReportAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Skipped, Message = message });
        await UnregisterRetryReminderAsync();
        return TaskRunStatus.Skipped;
    }
}
