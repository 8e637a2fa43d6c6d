namespace Tributary.Client;

/// <summary>There is no flow run with the given id (an <see cref="ArgumentException"/> naming <c>flowRunId</c>).</summary>
public sealed class FlowRunNotFoundException : ArgumentException
{
    /// <summary>Creates the error.</summary>
    /// <param name="flowRunId">The id asked for.</param>
    public FlowRunNotFoundException(string flowRunId)
        : base($"There is no flow run '{flowRunId}'.", nameof(flowRunId))
    {
        FlowRunId = flowRunId;
    }

    /// <summary>The id asked for.</summary>
    public string FlowRunId { get; }
}
