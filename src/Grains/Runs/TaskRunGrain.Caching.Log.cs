using Microsoft.Extensions.Logging;

namespace Tributary.Runs;

internal sealed partial class TaskRunGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Task {FlowRunId}/{TaskName}: cache hit, entry {EntryId} of '{Key}'")]
    private static partial void LogCacheHit(ILogger logger, string flowRunId, string taskName, string key, string entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName}: the cache could not be checked; the task runs")]
    private static partial void LogCacheUnavailable(ILogger logger, Exception exception, string flowRunId, string taskName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {FlowRunId}/{TaskName}: the run refreshes the cache; entries of '{Key}' are not used")]
    private static partial void LogCacheRefresh(ILogger logger, string flowRunId, string taskName, string key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {FlowRunId}/{TaskName}: waiting for {Holder} to compute the entry of '{Key}'")]
    private static partial void LogCacheWaiting(ILogger logger, string flowRunId, string taskName, string key, string? holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName}: waited Tributary:Cache:ComputeLeaseTimeout for the entry of '{Key}'; computing it too")]
    private static partial void LogCacheWaitTimedOut(ILogger logger, string flowRunId, string taskName, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName}: cache validator {Validator} threw on entry {EntryId}; counted invalid")]
    private static partial void LogCacheValidatorFailed(ILogger logger, Exception exception, string flowRunId, string taskName, string validator, string entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName}: the output of cache entry {EntryId} of '{Key}' is gone; the entry is dropped")]
    private static partial void LogCacheEntryGone(ILogger logger, Exception exception, string flowRunId, string taskName, string key, string entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName}: the output of cache entry {EntryId} of '{Key}' could not be read; trying the next")]
    private static partial void LogCacheEntryUnreadable(ILogger logger, Exception exception, string flowRunId, string taskName, string key, string entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName}: cache entry {EntryId} of '{Key}' was made by {ProducerRun}/{ProducerTask} with other code; it is used all the same (bump TaskOptions.CacheVersion to retire entries of old code)")]
    private static partial void LogCacheCodeChanged(ILogger logger, string flowRunId, string taskName, string key, string entryId, string producerRun, string producerTask);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {FlowRunId}/{TaskName}: could not update the cache '{Key}'")]
    private static partial void LogCacheAddFailed(ILogger logger, Exception exception, string flowRunId, string taskName, string key);
}
