using Microsoft.Extensions.Logging;

namespace Tributary.Runs;

internal sealed partial class FlowRunGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Flow run {FlowRunId}: cancellation requested and stored; cancelling its unfinished tasks")]
    private static partial void LogCancelRequested(ILogger logger, string flowRunId);
}
