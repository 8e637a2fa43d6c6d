using Microsoft.Extensions.Logging;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class FlowRunGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Flow run {FlowRunId} starts {Count} children of map '{MapName}'")]
    private static partial void LogMapExpanded(ILogger logger, string flowRunId, string mapName, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow run {FlowRunId} of '{FlowName}' version {FlowVersion} started")]
    private static partial void LogStarted(ILogger logger, string flowRunId, string flowName, string flowVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow run {FlowRunId} finished: {Status}")]
    private static partial void LogFinished(ILogger logger, string flowRunId, FlowRunStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow run {FlowRunId}: task {TaskName} failed: {Message}")]
    private static partial void LogTaskFailed(ILogger logger, string flowRunId, string taskName, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow run {FlowRunId}: task {TaskName} needs {Upstreams} to run again (outputs lost)")]
    private static partial void LogRerunningUpstreams(ILogger logger, string flowRunId, string taskName, string upstreams);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow run {FlowRunId}: could not be {Listing} with its silo for recovery; should the silo die, its progress reminder picks it up")]
    private static partial void LogListingFailed(ILogger logger, Exception exception, string flowRunId, string listing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow run {FlowRunId}: could not check task {TaskName}")]
    private static partial void LogProgressCheckFailed(ILogger logger, Exception exception, string flowRunId, string taskName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow run {FlowRunId} resumed (resume {Resumes}); tasks to run again: {Tasks}")]
    private static partial void LogResumed(ILogger logger, string flowRunId, int resumes, string tasks);
}
