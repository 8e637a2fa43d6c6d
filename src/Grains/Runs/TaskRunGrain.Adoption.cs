using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.States;

namespace Tributary.Runs;

// A crash between a checkpoint's write and the state's write: the checkpoint is found by the key the running state
// recorded, and adopted, so the task's finished work is neither lost (run again) nor orphaned (stored, unreferenced).
internal sealed partial class TaskRunGrain
{
    /// <returns>Whether a checkpoint of the lost attempt was found and the task is Success now.</returns>
    private async Task<bool> TryAdoptPendingOutputAsync()
    {
        if (State.PendingOutput is not { } key || State.ResultHandler is not { } descriptor || !TryGetNode(out var node))
        {
            return false;
        }

        var handler = _handlers.GetHandler(descriptor);
        if (handler.LocationOf(key) is not { } location)
        {
            return false; // the handler does not place writes by key: nothing can be found (nor was it recorded)
        }

        try
        {
            // Read it whole: only a checkpoint that reads back is adopted (handlers write atomically, so one is
            // either there whole or not at all).
            await _storageRetry.ExecuteAsync(token => handler.ReadAsync(location, node.Function.OutputType, token));
        }
        catch (ResultLocationNotFoundException)
        {
            return false; // the attempt died before its checkpoint was written
        }
        catch (Exception ex)
        {
            LogPendingOutputUnreadable(_logger, ex, _flowRunId, _taskName, State.Attempt);
            await DeleteQuietlyAsync(descriptor, location);
            return false;
        }

        var checkpoint = new SafeResult(location.ToJsonString(), descriptor, TypeNames.Of(node.Function.OutputType));
        var message = $"Attempt {State.Attempt} was lost with its silo after writing its checkpoint, which was adopted.";
        // Like any success, it drops the input copies cached for its retries (deleted once the success is stored).
        var copies = End(TaskRunStatus.Success, checkpoint, message);
        await _state.WriteAsync();
        await DeleteCachedCopiesAsync(copies);
        LogPendingOutputAdopted(_logger, _flowRunId, _taskName, State.Attempt);
        await ReportAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Success });
        return true;
    }
}
