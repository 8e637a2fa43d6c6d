using System.Collections.Immutable;
using Orleans.Runtime;
using Tributary.Options;
using Tributary.States;
using Tributary.Storage;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Storage;

/// <summary>
/// <see cref="PersistentStateWrites.WriteReconciledAsync{TState}"/> (the flow run's state, through Orleans'
/// <see cref="IPersistentState{TState}"/>): after a write that threw, storage is read again; a write that went through
/// counts as done, one that did not is tried again on the fresh ETag.
/// </summary>
public sealed class PersistentStateWritesTests
{
    private const string StateName = "flow";
    private static readonly GrainId Grain = GrainId.Create("flowrun", "run-1");

    // With collections, so that "storage holds what I wrote" needs value equality (a read gives new instances).
    private static readonly FlowRunState Started = new()
    {
        FlowRunId = "run-1",
        FlowName = "f",
        Status = FlowRunStatus.Running,
        Parameters = ImmutableDictionary<string, string>.Empty.Add("n", "21"),
        StartedAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
        TaskStatuses = ImmutableDictionary<string, TaskRunStatus>.Empty.Add("a", TaskRunStatus.Pending).Add("b", TaskRunStatus.Pending),
    };

    private static readonly FlowRunState Finished = Started with
    {
        Status = FlowRunStatus.Success,
        FinishedAt = new DateTimeOffset(2026, 12, 1, 12, 0, 9, TimeSpan.Zero),
        TaskStatuses = ImmutableDictionary<string, TaskRunStatus>.Empty.Add("a", TaskRunStatus.Success).Add("b", TaskRunStatus.Success),
    };

    private readonly InMemoryGrainStorage _storage = new();
    private readonly TimerRecordingTimeProvider _time = new();
    private readonly InMemoryPersistentState<FlowRunState> _state;

    public PersistentStateWritesTests() => _state = new InMemoryPersistentState<FlowRunState>(_storage, StateName, Grain);

    // Guards a fixed bug: after a write that stored then threw, the stale ETag made every later write conflict.
    [Fact]
    public async Task WriteReconciledAsync_WriteStoredThenThrew_CountsAsDoneAndLaterWritesSucceed()
    {
        await StoreAsync(Started);
        _storage.FailNextWrite(new TimeoutException("response lost"), storesFirst: true);

        _state.State = Finished;
        await _state.WriteReconciledAsync(Retry()).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((2, 0), (_storage.Writes, _time.TimersCreated)); // not written again, not retried
        Assert.Same(Finished, _state.State);
        var later = Finished with { Message = "later" };
        _state.State = later;
        await _state.WriteReconciledAsync(Retry()).WaitAsync(TimeSpan.FromSeconds(10)); // on the ETag the read brought
        Assert.Equal((3, later), (_storage.Writes, _storage.Peek<FlowRunState>(StateName, Grain)));
    }

    [Fact]
    public async Task WriteReconciledAsync_WriteNotApplied_IsTriedAgainAndStores()
    {
        await StoreAsync(Started);
        _storage.FailNextWrite(new TimeoutException("connection reset"));

        _state.State = Finished;
        var write = _state.WriteReconciledAsync(Retry());
        await _time.DriveAsync(write);
        await write;

        Assert.Equal(3, _storage.Writes);
        Assert.Equal(Finished, _storage.Peek<FlowRunState>(StateName, Grain));
        Assert.Same(Finished, _state.State);
    }

    [Fact]
    public async Task WriteReconciledAsync_StorageDownPastMaxDuration_SurfacesTheFaultAndKeepsTheIntendedState()
    {
        await StoreAsync(Started);
        _storage.FailWrites = new TimeoutException("storage unreachable");

        _state.State = Finished;
        var write = _state.WriteReconciledAsync(Retry(TimeSpan.FromSeconds(10)));
        await _time.DriveAsync(write);
        var fault = await Assert.ThrowsAnyAsync<Exception>(() => write);

        Assert.Contains("storage unreachable", fault.Message, StringComparison.Ordinal);
        Assert.True(_storage.Writes > 2, $"Only {_storage.Writes} writes: the fault was not retried.");
        Assert.Same(Finished, _state.State); // the caller decides what to do with it (the flow run goes back itself)
        Assert.Equal(Started, _storage.Peek<FlowRunState>(StateName, Grain));
    }

    private async Task StoreAsync(FlowRunState state)
    {
        _state.State = state;
        await _state.WriteReconciledAsync(Retry()).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _storage.Writes);
    }

    private StorageRetry Retry(TimeSpan? maxDuration = null) => new(
        new StorageRetryOptions { MaxDuration = maxDuration ?? TimeSpan.FromMinutes(1), FirstDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2) },
        _time);
}
