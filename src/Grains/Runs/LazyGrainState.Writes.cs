using Orleans.Storage;
using Tributary.Storage;

namespace Tributary.Runs;

internal sealed partial class LazyGrainState<TState>
{
    // What storage holds as far as this activation knows: the state it last read or wrote, and that record's ETag.
    private Stored _stored = new(null, null, null);
    private StateStorageException? _broken;
    private int _pendingWrites;

    /// <summary>
    /// Whether <see cref="Answer"/> may give a state whose write is still in flight (only where state is not durable
    /// anyway: see <c>TributaryOptions.ReportBeforeStored</c>). Default <see langword="false"/>.
    /// </summary>
    public bool AnswersUnstored { get; init; }
    /// <summary>Whether a write failed for good: the activation answers from its last stored state and is deactivating.</summary>
    public bool IsBroken => _broken is not null;

    /// <summary>
    /// The state to answer others with: the current state, except while a write is in flight or after one failed for
    /// good, when it is the last state storage received (the current state goes on serving this activation's own
    /// bookkeeping). So no grain or client is told of an outcome before it is stored.
    /// </summary>
    public TState Answer => _broken is not null || (_pendingWrites > 0 && !AnswersUnstored) ? _stored.State ?? _create() : _state!;

    /// <summary>
    /// Writes the current state, after any write still in flight. A write whose outcome is unknown (a timeout, a
    /// connection reset, a write that stored and then threw) or that hit an ETag conflict is reconciled: storage is read
    /// again; if it holds what was written, the write counts as done; if it holds what this activation stored last, the
    /// write is retried with the fresh ETag; anything else was written by another activation (a conflict). Transient
    /// faults are retried under <c>Tributary:StorageRetry</c>.
    /// </summary>
    /// <exception cref="StateStorageException">
    /// The write failed for good or conflicted. <see cref="Answer"/> is the last stored state from then on, every later
    /// write fails the same way, and the grain was told to deactivate.
    /// </exception>
    public Task WriteAsync() => _lastWrite = WriteAfterAsync(_lastWrite);

    private async Task WriteAfterAsync(Task previous)
    {
        _pendingWrites++;
        try
        {
            await WriteAfterCoreAsync(previous);
        }
        finally
        {
            _pendingWrites--;
        }
    }

    private async Task WriteAfterCoreAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The caller of that write saw its failure; this write carries the newer state anyway.
        }

        if (_broken is not null)
        {
            throw _broken;
        }

        try
        {
            await _retry.ExecuteAsync(_ => WriteOnceAsync());
        }
        catch (Exception ex)
        {
            Break(ex);
            throw _broken!;
        }
    }

    private async Task WriteOnceAsync()
    {
        // The newest state at the time of this try: a retry carries whatever changed while the last one failed.
        var intended = _state!;
        var previous = _stored;
        var record = Form is null ? intended : await Form.ToRecordAsync(intended, previous.Record);
        var write = new GrainState<TState>(record) { ETag = previous.ETag, RecordExists = previous.ETag is not null };
        try
        {
            await _storage.WriteStateAsync(_stateName, _grainId, write);
            _stored = new Stored(intended, record, write.ETag);
        }
        catch (Exception fault) when (TransientFaults.IsTransient(fault) || fault is InconsistentStateException)
        {
            await ReconcileAsync(intended, record, fault);
        }

        if (Form is not null)
        {
            await Form.AfterStoredAsync(previous.Record, record);
        }
    }

    /// <summary>After a write that threw: finds out what storage holds, and either adopts it or says what to do.</summary>
    private async Task ReconcileAsync(TState intended, TState record, Exception fault)
    {
        var read = new GrainState<TState>();
        // A failed read is a transient fault too: the retry around the write tries the whole thing again.
        await _storage.ReadStateAsync(_stateName, _grainId, read);
        var held = read.RecordExists ? read.State : null;
        if (held is not null && Equals(held, record))
        {
            // The write went through before the fault reached us: adopt its ETag.
            _stored = new Stored(intended, record, read.ETag);
            return;
        }

        if (Equals(held, _stored.Record))
        {
            // Storage still holds what we stored last: the write did not happen. Retry it on the fresh ETag.
            _stored = _stored with { ETag = read.RecordExists ? read.ETag : null };
            throw new StateWriteNotAppliedException(fault);
        }

        throw new StateConflictException(
            $"State '{_stateName}' of {_grainId} was written by another activation; this one stops answering from memory.", fault);
    }

    private void Break(Exception fault)
    {
        var message = fault is StateConflictException
            ? fault.Message
            : $"State '{_stateName}' of {_grainId} could not be stored: {fault.GetType().Name}: {fault.Message}";
        _broken = new StateStorageException(message, fault);
        _onBroken(_broken);
    }

    // State is what the record stands for (answers are given from it), Record what storage holds (with any pages).
    private readonly record struct Stored(TState? State, TState? Record, string? ETag);
}
