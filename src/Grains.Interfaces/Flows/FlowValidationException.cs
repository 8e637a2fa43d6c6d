namespace Tributary.Flows;

/// <summary>A flow definition, or the parameters of a run, were refused before anything ran.</summary>
[GenerateSerializer, Alias("tributary.flow-validation-error")]
public sealed class FlowValidationException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="flowName">The flow.</param>
    /// <param name="problems">Every problem found, each naming what is wrong and where.</param>
    /// <param name="subject">
    /// What was refused, as the message's opening words before the problems; <see langword="null"/> for the flow
    /// definition itself ("Flow 'etl' is invalid"). <see cref="ForParameters"/> gives the parameters' wording.
    /// </param>
    public FlowValidationException(string flowName, IReadOnlyList<string> problems, string? subject = null)
        : base($"{subject ?? $"Flow '{flowName}' is invalid"}: {string.Join("; ", problems)}")
    {
        FlowName = flowName;
        Problems = problems.ToArray();
    }

    /// <summary>The error for a run's parameters: "Parameters of flow 'etl' are invalid: ...".</summary>
    /// <param name="flowName">The flow.</param>
    /// <param name="problems">Every unknown, missing or ill-typed parameter.</param>
    public static FlowValidationException ForParameters(string flowName, IReadOnlyList<string> problems) =>
        new(flowName, problems, $"Parameters of flow '{flowName}' are invalid");

    /// <summary>The flow.</summary>
    [Id(0)]
    public string FlowName { get; }

    /// <summary>Every problem found.</summary>
    [Id(1)]
    public string[] Problems { get; }
}
