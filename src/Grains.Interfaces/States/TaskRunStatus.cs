namespace Tributary.States;

/// <summary>Where a task run is.</summary>
public enum TaskRunStatus
{
    /// <summary>Not started: waiting for its upstream tasks.</summary>
    Pending = 0,

    /// <summary>Its code is running.</summary>
    Running = 1,

    /// <summary>An attempt failed and another is due at <see cref="TaskRunState.NextRetryAt"/>; its inputs are cached.</summary>
    Retrying = 2,

    /// <summary>Finished with an output.</summary>
    Success = 3,

    /// <summary>Failed with no retries left.</summary>
    Failed = 4,

    /// <summary>Did not run because a task it takes input from failed; <see cref="TaskRunState.Message"/> says which.</summary>
    UpstreamFailed = 5,
}
