using Orleans.Runtime;
using Orleans.Storage;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// An <see cref="IPersistentState{TState}"/> over a grain storage, as Orleans' own bridge behaves: it keeps the ETag of
/// its last successful read or write, so after a write that threw it still holds the old one.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
public sealed class InMemoryPersistentState<TState>(IGrainStorage storage, string stateName, GrainId grainId) : IPersistentState<TState>
{
    private readonly GrainState<TState> _grainState = new();

    /// <inheritdoc />
    public TState State
    {
        get => _grainState.State!;
        set => _grainState.State = value;
    }

    /// <inheritdoc />
    public string? Etag => _grainState.ETag;

    /// <inheritdoc />
    public bool RecordExists => _grainState.RecordExists;

    /// <inheritdoc />
    public Task ReadStateAsync() => storage.ReadStateAsync(stateName, grainId, _grainState);

    /// <inheritdoc />
    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grainId, _grainState);

    /// <inheritdoc />
    public Task ClearStateAsync() => storage.ClearStateAsync(stateName, grainId, _grainState);
}
