namespace Tributary.Grains;

/// <summary>A run was asked for a flow name that the silo has not registered.</summary>
[GenerateSerializer, Alias("tributary.unknown-flow-error")]
public sealed class UnknownFlowException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="flowName">The unknown name.</param>
    /// <param name="knownFlows">The flows the silo knows.</param>
    public UnknownFlowException(string flowName, IReadOnlyCollection<string> knownFlows)
        : base($"No flow named '{flowName}' is registered on the silo (registered: {(knownFlows.Count == 0 ? "none" : string.Join(", ", knownFlows))}).")
    {
        FlowName = flowName;
    }

    /// <summary>The unknown name.</summary>
    [Id(0)]
    public string FlowName { get; }
}
