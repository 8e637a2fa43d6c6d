using Tributary.States;

namespace Tributary.Grains;

/// <summary>A run was asked to resume, but it is not a failed run that can go on: nothing was changed.</summary>
[GenerateSerializer, Alias("tributary.flow-run-not-resumable-error")]
public sealed class FlowRunNotResumableException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="status">The run's status.</param>
    /// <param name="message">What is wrong, naming the run.</param>
    /// <param name="innerException">The cause, if any.</param>
    public FlowRunNotResumableException(string flowRunId, FlowRunStatus status, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FlowRunId = flowRunId;
        Status = status;
    }

    /// <summary>The run.</summary>
    [Id(0)]
    public string FlowRunId { get; }

    /// <summary>The run's status when it was asked to resume.</summary>
    [Id(1)]
    public FlowRunStatus Status { get; }

    /// <summary>The error for a run that is not failed: unknown, still running, or succeeded.</summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="status">Its status (anything but <see cref="FlowRunStatus.Failed"/>).</param>
    public static FlowRunNotResumableException ForStatus(string flowRunId, FlowRunStatus status) => new(
        flowRunId,
        status,
        status switch
        {
            FlowRunStatus.NotFound => $"There is no flow run '{flowRunId}' to resume.",
            FlowRunStatus.Running => $"Flow run '{flowRunId}' is still running; only a failed or cancelled run can be resumed.",
            FlowRunStatus.Success => $"Flow run '{flowRunId}' already succeeded; only a failed or cancelled run can be resumed.",
            _ => $"Flow run '{flowRunId}' is {status}; only a failed or cancelled run can be resumed.",
        });
}
