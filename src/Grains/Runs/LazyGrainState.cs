using Orleans.Storage;

namespace Tributary.Runs;

/// <summary>
/// A grain's persisted state, read from grain storage on first use instead of at activation, so that a task run the
/// flow starts for the first time (nothing stored yet) skips the read: one storage round trip less per task.
/// </summary>
/// <remarks>
/// Concurrent callers share one read, and the state is initialised inside it, once, so a caller that resumes after the
/// read never overwrites what another call changed meanwhile. Writes are queued: each starts after the previous one
/// ended, so interleaved calls never race on the storage's ETag.
/// </remarks>
/// <typeparam name="TState">The state type.</typeparam>
internal sealed class LazyGrainState<TState>
    where TState : class
{
    private readonly IGrainStorage _storage;
    private readonly string _stateName;
    private readonly GrainId _grainId;
    private readonly Func<TState> _create;
    private readonly Action<TState> _onLoaded;
    private readonly GrainState<TState> _state = new();
    private Task? _load;
    private Task _lastWrite = Task.CompletedTask;

    /// <param name="storage">The grain storage.</param>
    /// <param name="stateName">The state's name in storage.</param>
    /// <param name="grainId">The grain.</param>
    /// <param name="create">The state of a grain with no stored record.</param>
    /// <param name="onLoaded">Called once with a state read from storage.</param>
    public LazyGrainState(IGrainStorage storage, string stateName, GrainId grainId, Func<TState> create, Action<TState> onLoaded)
    {
        _storage = storage;
        _stateName = stateName;
        _grainId = grainId;
        _create = create;
        _onLoaded = onLoaded;
    }

    /// <summary>Whether the state was read (or declared new) already.</summary>
    public bool IsLoaded => _load is { IsCompletedSuccessfully: true };

    /// <summary>The state; only meaningful once loaded.</summary>
    public TState State
    {
        get => _state.State!;
        set => _state.State = value;
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

        _state.State = _create();
        _load = Task.CompletedTask;
        return true;
    }

    /// <summary>Writes the current state, after any write still in flight.</summary>
    public Task WriteAsync() => _lastWrite = WriteAfterAsync(_lastWrite);

    private async Task ReadAsync()
    {
        await _storage.ReadStateAsync(_stateName, _grainId, _state);
        if (!_state.RecordExists || _state.State is null)
        {
            _state.State = _create();
        }
        else
        {
            _onLoaded(_state.State);
        }
    }

    private async Task WriteAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The caller of that write saw its failure; this write carries the newer state anyway.
        }

        await _storage.WriteStateAsync(_stateName, _grainId, _state);
    }
}
