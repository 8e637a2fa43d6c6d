namespace Tributary.Runs;

// Deleting the task run's stored state, because its flow run is being deleted (FlowRunGrain.Deletion.cs).
internal sealed partial class TaskRunGrain
{
    public async Task DeleteStateAsync()
    {
        if (_attempt is { IsCompleted: false })
        {
            throw new InvalidOperationException(
                $"Task '{_taskName}' of flow run '{_flowRunId}' has an attempt running: its state is not deleted while it runs.");
        }

        await _state.ClearAsync();
        // Its output is no longer anyone's: a downstream reading it now gets "unavailable", not a value of a deleted run.
        _output = null;
        _payload = null;
        DeactivateOnIdle();
    }
}
