namespace Tributary.States;

/// <summary>Questions about task and flow run statuses.</summary>
public static class TaskRunStatusExtensions
{
    /// <summary>Whether the task run will not change any more by itself.</summary>
    /// <param name="status">The status.</param>
    public static bool IsFinal(this TaskRunStatus status) =>
        status is TaskRunStatus.Success or TaskRunStatus.Cached or TaskRunStatus.Failed or TaskRunStatus.UpstreamFailed
            or TaskRunStatus.Skipped or TaskRunStatus.TriggerFailed or TaskRunStatus.Cancelled;

    /// <summary>
    /// Whether the task run finished with an output: <see cref="TaskRunStatus.Success"/> or <see cref="TaskRunStatus.Cached"/>.
    /// Check this rather than comparing with <see cref="TaskRunStatus.Success"/>.
    /// </summary>
    /// <param name="status">The status.</param>
    public static bool IsSuccess(this TaskRunStatus status) => status is TaskRunStatus.Success or TaskRunStatus.Cached;

    /// <summary>Whether the flow run is over.</summary>
    /// <param name="status">The status.</param>
    public static bool IsFinal(this FlowRunStatus status) => status is FlowRunStatus.Success or FlowRunStatus.Failed or FlowRunStatus.Cancelled;
}
