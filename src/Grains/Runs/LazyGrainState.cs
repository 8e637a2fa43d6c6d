using Orleans.Storage;

namespace Tributary.Runs;

/// <summary>
/// A grain's persisted state, read from grain storage on first use instead of at activation. A task run that the
/// flow starts for the first time has nothing stored, so it skips the read (one storage round trip per task).
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
internal sealed class LazyGrainState<TState>
    where TState : class
{
    private readonly IGrainStorage _storage;
    private readonly string _stateName;
    private readonly GrainId _grainId;
    private readonly GrainState<TState> _state = new();
    private Task? _load;

    public LazyGrainState(IGrainStorage storage, string stateName, GrainId grainId)
    {
        _storage = storage;
        _stateName = stateName;
        _grainId = grainId;
    }

    /// <summary>Whether the state was read (or declared new) already.</summary>
    public bool IsLoaded => _load is { IsCompletedSuccessfully: true };

    /// <summary>Whether storage held a record when it was read.</summary>
    public bool RecordExists => _state.RecordExists;

    /// <summary>The state; <see langword="null"/> until loaded or set.</summary>
    public TState? State
    {
        get => _state.State;
        set => _state.State = value!;
    }

    /// <summary>Reads the state once; concurrent callers share the read, and a failed read is tried again next time.</summary>
    public Task LoadAsync()
    {
        if (_load is null || _load.IsFaulted || _load.IsCanceled)
        {
            _load = _storage.ReadStateAsync(_stateName, _grainId, _state);
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

        _load = Task.CompletedTask;
        return true;
    }

    /// <summary>Writes the state.</summary>
    public Task WriteAsync() => _storage.WriteStateAsync(_stateName, _grainId, _state);
}
