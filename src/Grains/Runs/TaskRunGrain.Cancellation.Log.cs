using Microsoft.Extensions.Logging;

namespace Tributary.Runs;

internal sealed partial class TaskRunGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Task {FlowRunId}/{TaskName} cancelled with its run (after attempt {Attempt})")]
    private static partial void LogCancelled(ILogger logger, string flowRunId, string taskName, int attempt);
}
