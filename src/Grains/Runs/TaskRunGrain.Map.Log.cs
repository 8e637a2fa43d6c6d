using Microsoft.Extensions.Logging;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class TaskRunGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Map {FlowRunId}/{TaskName} counted {Count} elements")]
    private static partial void LogMapCounted(ILogger logger, string flowRunId, string taskName, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Map {FlowRunId}/{TaskName} ended {Status}")]
    private static partial void LogMapCompleted(ILogger logger, string flowRunId, string taskName, TaskRunStatus status);
}
