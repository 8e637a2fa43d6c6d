using System.Collections.Immutable;
using Orleans.Concurrency;
using Tributary.States;

namespace Tributary.Grains;

/// <summary>One flow run, keyed by its run id: validates the flow and its parameters, starts tasks whose upstreams are done, and ends the run.</summary>
[Alias("tributary.flow-run")]
public interface IFlowRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run. Calling it again for a run already started gives its state without starting anything.</summary>
    /// <param name="flowName">The flow, as registered on the silo.</param>
    /// <param name="parameters">Parameter values as JSON text, by name.</param>
    /// <exception cref="UnknownFlowException">No flow of that name is registered.</exception>
    /// <exception cref="Flows.FlowValidationException">A parameter is missing, unknown or of the wrong type; nothing ran.</exception>
    [Alias("start")]
    Task<FlowRunState> StartAsync(string flowName, ImmutableDictionary<string, string> parameters);

    /// <summary>The run's state (<see cref="FlowRunStatus.NotFound"/> for an id never started).</summary>
    [AlwaysInterleave, Alias("get-state")]
    Task<FlowRunState> GetStateAsync();

    /// <summary>The run and all its task runs.</summary>
    [AlwaysInterleave, Alias("get-snapshot")]
    Task<FlowRunSnapshot> GetSnapshotAsync();

    /// <summary>Waits until the run is final or <paramref name="maxWait"/> has passed, then gives its state.</summary>
    /// <param name="maxWait">How long to hold the call; keep it below the cluster's response timeout.</param>
    [AlwaysInterleave, Alias("wait")]
    Task<FlowRunState> WaitAsync(TimeSpan maxWait);

    /// <summary>Told by a task-run grain when one of its attempts ends.</summary>
    /// <param name="report">What happened.</param>
    [Alias("on-task-finished")]
    Task OnTaskFinishedAsync(TaskRunReport report);
}
