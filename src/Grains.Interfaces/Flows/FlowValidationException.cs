namespace Tributary.Flows;

/// <summary>A flow definition, or the parameters of a run, were refused before anything ran.</summary>
[GenerateSerializer, Alias("tributary.flow-validation-error")]
public sealed class FlowValidationException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="flowName">The flow.</param>
    /// <param name="problems">Every problem found, each naming what is wrong and where.</param>
    public FlowValidationException(string flowName, IReadOnlyList<string> problems)
        : base($"Flow '{flowName}' is invalid: {string.Join("; ", problems)}")
    {
        FlowName = flowName;
        Problems = problems.ToArray();
    }

    /// <summary>The flow.</summary>
    [Id(0)]
    public string FlowName { get; }

    /// <summary>Every problem found.</summary>
    [Id(1)]
    public string[] Problems { get; }
}
