using Microsoft.Extensions.Logging;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class TaskRunGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {FlowRunId}/{TaskName} succeeded on attempt {Attempt} (checkpointed: {Checkpointed})")]
    private static partial void LogSucceeded(ILogger logger, string flowRunId, string taskName, int attempt, bool checkpointed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {FlowRunId}/{TaskName} attempt {Attempt} failed")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string flowRunId, string taskName, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName} could not cache its inputs for a retry")]
    private static partial void LogCachingFailed(ILogger logger, Exception exception, string flowRunId, string taskName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName} could not report {Status} to its flow run; the flow's progress check will pick it up")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string flowRunId, string taskName, TaskRunStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {FlowRunId}/{TaskName} attempt {Attempt} stopped on an unexpected error")]
    private static partial void LogAttemptCrashed(ILogger logger, Exception exception, string flowRunId, string taskName, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName} attempt {Attempt} was lost with the silo running it; it counts as failed")]
    private static partial void LogAttemptLost(ILogger logger, string flowRunId, string taskName, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName} attempt {Attempt} could not be stored as running")]
    private static partial void LogRunningNotStored(ILogger logger, Exception exception, string flowRunId, string taskName, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName} could not delete an input copy it cached (handler {HandlerKind})")]
    private static partial void LogCachedCopyNotDeleted(ILogger logger, Exception exception, string flowRunId, string taskName, string handlerKind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {FlowRunId}/{TaskName} ({Status}) reset to run again: its output was lost")]
    private static partial void LogReset(ILogger logger, string flowRunId, string taskName, TaskRunStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName} attempt {Attempt} was interrupted by a deactivation ({Reason}) and is handed over")]
    private static partial void LogAttemptInterrupted(ILogger logger, string flowRunId, string taskName, int attempt, DeactivationReasonCode reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {FlowRunId}/{TaskName} could not store its state; the activation deactivates and answers from its last stored state meanwhile")]
    private static partial void LogStateBroken(ILogger logger, Exception exception, string flowRunId, string taskName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {FlowRunId}/{TaskName} stored the output it held through its {HandlerKind} handler before its activation went away")]
    private static partial void LogOutputHandedOver(ILogger logger, string flowRunId, string taskName, string handlerKind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName} could not store the output it held before its activation went away; a downstream task that needs it runs it again")]
    private static partial void LogOutputNotHandedOver(ILogger logger, Exception exception, string flowRunId, string taskName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {FlowRunId}/{TaskName} adopted the checkpoint of attempt {Attempt}, written before its silo was lost")]
    private static partial void LogPendingOutputAdopted(ILogger logger, string flowRunId, string taskName, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName} found the checkpoint of lost attempt {Attempt} unreadable; deleting it and running the task again")]
    private static partial void LogPendingOutputUnreadable(ILogger logger, Exception exception, string flowRunId, string taskName, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {FlowRunId}/{TaskName} ({Status} after attempt {Attempt}) set back to run again: its run was resumed")]
    private static partial void LogResumed(ILogger logger, string flowRunId, string taskName, TaskRunStatus status, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {FlowRunId}/{TaskName} skipped itself on attempt {Attempt}")]
    private static partial void LogSkipped(ILogger logger, string flowRunId, string taskName, int attempt);
}
