namespace Tributary.Client.Retention;

/// <summary>What a stored result was to its run.</summary>
public enum StoredResultRole
{
    /// <summary>A task's output (its checkpoint), named by the task run's state.</summary>
    Output,

    /// <summary>An input a retrying task cached for its next attempt (left by a run that failed or was cancelled while retrying).</summary>
    CachedInput,

    /// <summary>Found under the run's key prefix by a handler that lists (<see cref="Handlers.IResultLocationLister"/>), named by no state (a checkpoint whose attempt's state was never stored).</summary>
    Unnamed,
}
