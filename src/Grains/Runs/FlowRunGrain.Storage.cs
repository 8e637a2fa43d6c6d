using Tributary.States;
using Tributary.Storage;

namespace Tributary.Runs;

// How the run is stored: a large flow's task statuses go to records of their own (RecordForms.FlowRun), so the run's
// record stays small whatever the flow's size.
internal sealed partial class FlowRunGrain
{
    // The record storage holds as far as this activation knows (read at activation, then each one written).
    private FlowRunState? _storedRecord;

    /// <summary>
    /// Stores the run as this activation knows it, reconciling after a fault (see <c>PersistentStateWrites</c>), then
    /// deletes status pages the stored record no longer names.
    /// </summary>
    /// <exception cref="Exception">The write failed for good: the storage's last fault. The run in memory is unchanged.</exception>
    private async Task StoreAsync()
    {
        var previous = _storedRecord;
        var record = await _recordForm.ToRecordAsync(State, previous);
        _state.State = record;
        await _state.WriteReconciledAsync(_storageRetry);
        _storedRecord = record;
        await _recordForm.AfterStoredAsync(previous, record);
    }
}
