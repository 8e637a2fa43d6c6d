using Tributary.Grains;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class FlowRunGrain
{
    /// <summary>Whether the silo registers the version of the flow the run started with (for a run that recorded none: any version).</summary>
    private bool HasOwnFlowVersion() =>
        State.FlowVersion is { } version ? _flows.TryGet(State.FlowName, version, out _) : _flows.VersionsOf(State.FlowName).Count > 0;

    /// <summary>Why the run cannot go on without its version, naming it and the versions the silo registers.</summary>
    private string FlowVersionGoneMessage() => State.FlowVersion is { } version
        ? $"Flow run '{State.FlowRunId}' cannot go on: {new FlowVersionNotFoundException(State.FlowName, version, _flows.VersionsOf(State.FlowName)).Message}"
        : $"Flow run '{State.FlowRunId}' cannot go on: flow '{State.FlowName}' is no longer registered on the silo.";

    /// <summary>
    /// Fails the run and every unfinished task of it: the definition the run started with is not registered here any
    /// more (a redeploy changed the flow without keeping the old version), so the run can neither walk its graph nor
    /// run its tasks' code. Each task records the same message, naming the run's version and the silo's.
    /// </summary>
    private async Task FailFlowVersionGoneAsync()
    {
        var message = FlowVersionGoneMessage();
        var unfinished = State.TaskStatuses.Where(pair => !pair.Value.IsFinal()).Select(pair => pair.Key).ToArray();
        await Task.WhenAll(unfinished.Select(async name =>
        {
            try
            {
                await TaskGrain(name).AbandonAsync(State.FlowName, State.FlowVersion, message);
                SetStatus(name, TaskRunStatus.Failed);
            }
            catch (Exception ex)
            {
                // The run fails anyway; the task's own state may then still read unfinished.
                LogProgressCheckFailed(_logger, ex, State.FlowRunId, name);
            }
        }));
        await CompleteAsync(message);
    }

    /// <summary>The run's tasks in topological order; by name when the run's definition is gone.</summary>
    private IReadOnlyList<string> TaskNamesInOrder() =>
        HasOwnFlowVersion() ? Definition.TaskOrder : [.. State.TaskStatuses.Keys.Order(StringComparer.Ordinal)];
}
