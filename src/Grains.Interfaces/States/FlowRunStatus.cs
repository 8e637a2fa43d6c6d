namespace Tributary.States;

/// <summary>Where a flow run is.</summary>
public enum FlowRunStatus
{
    /// <summary>No run with this id has started.</summary>
    NotFound = 0,

    /// <summary>Tasks are running or waiting.</summary>
    Running = 1,

    /// <summary>Every task succeeded.</summary>
    Success = 2,

    /// <summary>Every task is final and at least one failed or did not run because an upstream failed.</summary>
    Failed = 3,
}
