using System.Collections.Immutable;

namespace Tributary.Grains;

/// <summary>
/// A run id that already names a run was used to start a run of another flow or with other parameters. Nothing was
/// started or changed: the existing run goes on as it was.
/// </summary>
/// <remarks>
/// A run id is a promise: it names one run of one flow with one set of parameters. Starting the same id again with the
/// same flow and parameters gives the existing run (an idempotent start); parameters are compared after defaults are
/// bound, as JSON values (so <c>2</c> and <c>2.0</c>, or objects with their members in another order, are the same).
/// </remarks>
[GenerateSerializer, Alias("tributary.flow-run-conflict-error")]
public sealed class FlowRunConflictException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="flowRunId">The run id.</param>
    /// <param name="existingFlowName">The flow of the existing run.</param>
    /// <param name="existingParameters">The parameters of the existing run (JSON text by name, defaults bound).</param>
    /// <param name="requestedFlowName">The flow asked for.</param>
    /// <param name="requestedParameters">The parameters asked for (defaults bound when they could be).</param>
    /// <param name="detail">Why the parameters could not be compared, if they could not; <see langword="null"/> otherwise.</param>
    public FlowRunConflictException(
        string flowRunId,
        string existingFlowName,
        ImmutableDictionary<string, string> existingParameters,
        string requestedFlowName,
        ImmutableDictionary<string, string> requestedParameters,
        string? detail = null)
        : base(
            $"Flow run '{flowRunId}' already exists as flow '{existingFlowName}' with {Describe(existingParameters)}; it cannot be " +
            $"started as flow '{requestedFlowName}' with {Describe(requestedParameters)}{(detail is null ? string.Empty : $" ({detail})")}. " +
            "A run id names one run: use a new id, or the same flow and parameters to get the existing run.")
    {
        FlowRunId = flowRunId;
        ExistingFlowName = existingFlowName;
        ExistingParameters = existingParameters;
        RequestedFlowName = requestedFlowName;
        RequestedParameters = requestedParameters;
    }

    /// <summary>The run id.</summary>
    [Id(0)]
    public string FlowRunId { get; }

    /// <summary>The flow of the existing run.</summary>
    [Id(1)]
    public string ExistingFlowName { get; }

    /// <summary>The parameters of the existing run, as JSON text by name (defaults bound).</summary>
    [Id(2)]
    public ImmutableDictionary<string, string> ExistingParameters { get; }

    /// <summary>The flow asked for.</summary>
    [Id(3)]
    public string RequestedFlowName { get; }

    /// <summary>The parameters asked for, as JSON text by name.</summary>
    [Id(4)]
    public ImmutableDictionary<string, string> RequestedParameters { get; }

    private static string Describe(IReadOnlyDictionary<string, string> parameters) =>
        parameters.Count == 0
            ? "no parameters"
            : "parameters " + string.Join(", ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
