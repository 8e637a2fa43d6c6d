using Orleans.Storage;

namespace Tributary.Runs;

internal sealed partial class LazyGrainState<TState>
{
    /// <summary>
    /// Deletes the stored record (after any write still in flight), then the page records it named (see
    /// <c>IRecordForm.DeletePagesAsync</c>): the record first, so that a record never names a page that is
    /// gone. The state becomes that of a grain with no stored record.
    /// </summary>
    /// <returns>Whether a record was stored.</returns>
    /// <exception cref="Exception">Storage failed for good: its last fault. What was not deleted is still stored.</exception>
    public async Task<bool> ClearAsync()
    {
        try
        {
            await _lastWrite;
        }
        catch (Exception)
        {
            // Its caller saw the failure; what storage holds is read below.
        }

        await LoadAsync();
        if (_broken is not null)
        {
            throw _broken;
        }

        var stored = _stored;
        if (stored.ETag is null)
        {
            _state = _create();
            return false;
        }

        var clear = new GrainState<TState>(stored.Record!) { ETag = stored.ETag, RecordExists = true };
        await _retry.ExecuteAsync(_ => _storage.ClearStateAsync(_stateName, _grainId, clear));
        _stored = new Stored(null, null, null);
        _state = _create();
        if (Form is not null && stored.Record is not null)
        {
            await Form.DeletePagesAsync(stored.Record);
        }

        return true;
    }
}
