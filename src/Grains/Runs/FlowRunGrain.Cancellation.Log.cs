using Microsoft.Extensions.Logging;

namespace Tributary.Runs;

internal sealed partial class FlowRunGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Flow run {FlowRunId}: cancellation requested and stored; cancelling its unfinished tasks")]
    private static partial void LogCancelRequested(ILogger logger, string flowRunId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow run {FlowRunId} could not record its status {Status} in the run index; `list` may show an older status")]
    private static partial void LogIndexNotUpdated(ILogger logger, Exception exception, string flowRunId, Tributary.States.FlowRunStatus status);
}
