using Microsoft.Extensions.Logging;

namespace Tributary.Caching;

internal sealed partial class CacheGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Cache {Key}: entry {EntryId} added by {FlowRunId}/{TaskName}")]
    private static partial void LogAdded(ILogger logger, string key, string entryId, string flowRunId, string taskName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache {Key}: entry {EntryId} removed")]
    private static partial void LogRemoved(ILogger logger, string key, string entryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache {Key}: cleared ({Count} entries)")]
    private static partial void LogCleared(ILogger logger, string key, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache {Key}: expired entries could not be removed from storage; they are removed at the next write")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception, string key);
}
