using Orleans.Storage;
using Tributary.Storage;

namespace Tributary.Runs;

/// <summary>
/// A grain's persisted state, read from grain storage on first use instead of at activation, so that a task run the
/// flow starts for the first time (nothing stored yet) skips the read: one storage round trip less per task. Its writes
/// reconcile with storage after a fault (see <see cref="WriteAsync"/>), so the activation never answers from a state that
/// storage did not receive.
/// </summary>
/// <remarks>
/// Concurrent callers share one read, and the state is initialised inside it, once, so a caller that resumes after the
/// read never overwrites what another call changed meanwhile. Writes are queued: each starts after the previous one
/// ended, so interleaved calls never race on the storage's ETag.
/// </remarks>
/// <typeparam name="TState">The state type; it must compare by value (a state equals its round trip through storage).</typeparam>
internal sealed partial class LazyGrainState<TState>
    where TState : class
{
    private readonly IGrainStorage _storage;
    private readonly string _stateName;
    private readonly GrainId _grainId;
    private readonly Func<TState> _create;
    private readonly Action<TState> _onLoaded;
    private readonly StorageRetry _retry;
    private readonly Action<StateStorageException> _onBroken;
    private TState? _state;
    private Task? _load;
    private Task _lastWrite = Task.CompletedTask;

    /// <param name="storage">The grain storage.</param>
    /// <param name="stateName">The state's name in storage.</param>
    /// <param name="grainId">The grain.</param>
    /// <param name="create">The state of a grain with no stored record.</param>
    /// <param name="onLoaded">Called once with a state read from storage.</param>
    /// <param name="retry">How storage faults are retried.</param>
    /// <param name="onBroken">
    /// Called once when a write fails for good or conflicts: the state has gone back to the last stored one, and the
    /// grain should deactivate so that its next activation reads storage afresh.
    /// </param>
    public LazyGrainState(
        IGrainStorage storage,
        string stateName,
        GrainId grainId,
        Func<TState> create,
        Action<TState> onLoaded,
        StorageRetry retry,
        Action<StateStorageException> onBroken)
    {
        _storage = storage;
        _stateName = stateName;
        _grainId = grainId;
        _create = create;
        _onLoaded = onLoaded;
        _retry = retry;
        _onBroken = onBroken;
    }

    /// <summary>
    /// How the state is stored when parts of it may outgrow one record (see <see cref="IRecordForm{TState}"/>);
    /// <see langword="null"/> stores the state as it is.
    /// </summary>
    public IRecordForm<TState>? Form { get; init; }

    /// <summary>Whether the state was read (or declared new) already.</summary>
    public bool IsLoaded => _load is { IsCompletedSuccessfully: true };

    /// <summary>The state; only meaningful once loaded.</summary>
    public TState State
    {
        get => _state!;
        set => _state = value;
    }

    /// <summary>Reads the state once; a failed read is tried again by the next caller.</summary>
    public Task LoadAsync()
    {
        if (_load is null || _load.IsFaulted || _load.IsCanceled)
        {
            _load = ReadAsync();
        }

        return _load;
    }

    /// <summary>
    /// Declares that storage holds nothing for this grain yet, so no read is needed. Gives <see langword="false"/>
    /// (and changes nothing) when a read has already started.
    /// </summary>
    public bool TryMarkNew()
    {
        if (_load is not null)
        {
            return false;
        }

        _state = _create();
        _stored = new Stored(null, null, null);
        _load = Task.CompletedTask;
        return true;
    }

    private async Task ReadAsync()
    {
        var read = new GrainState<TState>();
        await _retry.ExecuteAsync(_ => _storage.ReadStateAsync(_stateName, _grainId, read));
        if (!read.RecordExists || read.State is null)
        {
            _stored = new Stored(null, null, read.RecordExists ? read.ETag : null);
            _state = _create();
        }
        else
        {
            var state = Form is null ? read.State : await Form.FromRecordAsync(read.State);
            _stored = new Stored(state, read.State, read.ETag);
            _state = state;
            _onLoaded(state);
        }
    }
}
