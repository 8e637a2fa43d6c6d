namespace Tributary.Client;

/// <summary>Conveniences over any <see cref="ITributaryClient"/> (ours or a test double).</summary>
public static class TributaryClientExtensions
{
    /// <summary>A handle on the run <paramref name="flowRunId"/>; makes no call (an unknown id shows on the first call).</summary>
    /// <param name="client">The client.</param>
    /// <param name="flowRunId">The run's id.</param>
    public static FlowRunHandle GetFlowRunHandle(this ITributaryClient client, string flowRunId) => new(client, flowRunId);
}
