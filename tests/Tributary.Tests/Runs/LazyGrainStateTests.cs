using System.Collections.Immutable;
using Orleans.Runtime;
using Tributary.Handlers;
using Tributary.Options;
using Tributary.Results;
using Tributary.Runs;
using Tributary.States;
using Tributary.Storage;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// <see cref="LazyGrainState{TState}"/> after a storage fault: it finds out what storage holds and reconciles, and never
/// goes on answering from a state that storage did not receive. Storage is an in-memory fake with real ETag semantics;
/// retry waits run on fake time.
/// </summary>
public sealed class LazyGrainStateTests
{
    private const string StateName = "task";
    private static readonly GrainId Grain = GrainId.Create("taskrun", "run-1/t");
    private static readonly SafeResult Cached = new("\"/results/in.json\"", ResultHandlers.Local("/results"), "System.Int32");

    private static readonly TaskRunState Created = new() { FlowRunId = "run-1", FlowName = string.Empty, TaskName = "t" };

    private static readonly TaskRunState Started = Created with { FlowName = "f", Status = TaskRunStatus.Running, Attempt = 1 };

    // With collections, so that "storage holds what I wrote" needs value equality (a read gives new instances).
    private static readonly TaskRunState Retrying = Started with
    {
        Status = TaskRunStatus.Retrying,
        Message = "attempt 1 failed",
        NextRetryAt = new DateTimeOffset(2026, 12, 1, 12, 0, 5, TimeSpan.Zero),
        CachedInputs = ImmutableDictionary<string, SafeResult>.Empty.Add("in", Cached),
        OwnedCachedInputs = ["in"],
        UncachedInputs = ["other"],
    };

    private static readonly TaskRunState Succeeded = Started with
    {
        Status = TaskRunStatus.Success,
        Attempt = 2,
        Output = new SafeResult("42", ResultHandlers.Json),
    };

    private readonly InMemoryGrainStorage _storage = new();
    private readonly TimerRecordingTimeProvider _time = new();
    private readonly List<StateStorageException> _broken = [];

    // Guards a fixed bug: a write that stored then threw kept the stale ETag, so every later write of the activation failed.
    [Fact]
    public async Task WriteAsync_WriteStoredThenThrew_AdoptsItWithoutWritingAgainAndLaterWritesSucceed()
    {
        var state = await StoredAsync(Started);
        _storage.FailNextWrite(new TimeoutException("response lost"), storesFirst: true);

        state.State = Retrying;
        await state.WriteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _storage.Writes); // the first write and the one that stored: nothing written twice
        Assert.Same(Retrying, state.State);
        Assert.Equal(Retrying, _storage.Peek<TaskRunState>(StateName, Grain));
        Assert.Equal(0, _time.TimersCreated); // adopted at once, no retry

        var later = Succeeded;
        state.State = later;
        await state.WriteAsync().WaitAsync(TimeSpan.FromSeconds(10)); // on the adopted ETag

        Assert.Equal((3, later), (_storage.Writes, _storage.Peek<TaskRunState>(StateName, Grain)));
        Assert.False(state.IsBroken);
        Assert.Empty(_broken);
    }

    [Fact]
    public async Task WriteAsync_ETagConflictWhileRecordHoldsPreviousState_RetriesOnTheFreshETagAndSucceeds()
    {
        var state = await StoredAsync(Retrying);
        _storage.RenewETag(StateName, Grain); // same content, new ETag: the write was not applied, nobody else wrote

        state.State = Succeeded;
        var write = state.WriteAsync();
        await _time.DriveAsync(write);
        await write;

        Assert.Equal(3, _storage.Writes); // the first, the conflicting one, its retry
        Assert.Equal(Succeeded, _storage.Peek<TaskRunState>(StateName, Grain));
        Assert.Equal(Succeeded, state.State);
        Assert.False(state.IsBroken);
        Assert.Empty(_broken);
    }

    // Guards a fixed bug: after a failed write the activation kept answering from the state storage never received.
    [Fact]
    public async Task WriteAsync_RecordWrittenByAnotherActivation_FailsNamingTheConflictAndGoesBackToTheStoredState()
    {
        var state = await StoredAsync(Retrying);
        var theirs = Retrying with { Attempt = 3, Message = "another activation's attempt" };
        _storage.Put(StateName, Grain, theirs);

        state.State = Succeeded;
        var write = state.WriteAsync();
        await _time.DriveAsync(write);
        var fault = await Assert.ThrowsAsync<StateStorageException>(() => write);

        Assert.Contains("another activation", fault.Message, StringComparison.Ordinal);
        Assert.IsType<StateConflictException>(fault.InnerException);
        Assert.Equal(Retrying, state.Answer); // what others are told: what this activation last stored, not what it failed to store
        Assert.True(state.IsBroken);
        Assert.Equal(theirs, _storage.Peek<TaskRunState>(StateName, Grain)); // theirs is not overwritten
        var writes = _storage.Writes;

        state.State = Succeeded with { Message = "later" };
        var later = await Assert.ThrowsAsync<StateStorageException>(() => state.WriteAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Same(fault, later);
        Assert.Equal(writes, _storage.Writes); // failed at once, without asking storage
        Assert.Same(fault, Assert.Single(_broken)); // the grain was told once
    }

    // Guards a fixed bug: a write that failed for good left the activation answering with the state storage never received.
    [Fact]
    public async Task WriteAsync_RefusedAfterTheStateBroke_AnswersWithTheStoredStateOnly()
    {
        var state = await StoredAsync(Retrying);
        _storage.Put(StateName, Grain, Retrying with { Attempt = 3 });
        state.State = Succeeded;
        var broke = state.WriteAsync();
        await _time.DriveAsync(broke);
        await Assert.ThrowsAsync<StateStorageException>(() => broke);

        // Grain code that runs on meanwhile (a report, a reset) changes the state and writes it.
        state.State = Succeeded with { Message = "changed after the state broke" };
        await Assert.ThrowsAsync<StateStorageException>(() => state.WriteAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(Retrying, state.Answer);
    }

    [Fact]
    public async Task WriteAsync_StorageDownLongerThanMaxDuration_FailsNamingTheFaultAndGoesBackToTheStoredState()
    {
        var maxDuration = TimeSpan.FromSeconds(10);
        var state = await StoredAsync(Retrying, maxDuration);
        _storage.FailWrites = new TimeoutException("storage unreachable");
        _storage.FailReads = _storage.FailWrites;
        var start = _time.GetTimestamp();

        state.State = Succeeded;
        var write = state.WriteAsync();
        await _time.DriveAsync(write);
        var fault = await Assert.ThrowsAsync<StateStorageException>(() => write);

        Assert.Contains("could not be stored", fault.Message, StringComparison.Ordinal);
        Assert.Contains("TimeoutException: storage unreachable", fault.Message, StringComparison.Ordinal);
        Assert.True(_time.GetElapsedTime(start) >= maxDuration, $"Gave up after {_time.GetElapsedTime(start)}.");
        Assert.True(_storage.Writes > 2, $"Only {_storage.Writes} writes: the fault was not retried.");
        Assert.Equal(Retrying, state.Answer);
        Assert.True(state.IsBroken);
        Assert.Same(fault, Assert.Single(_broken));
    }

    [Fact]
    public async Task WriteAsync_StorageDownShorterThanMaxDuration_StoresTheNewestStateOnceBack()
    {
        var state = await StoredAsync(Started);
        _storage.FailWrites = new TimeoutException("storage unreachable");

        state.State = Retrying;
        var write = state.WriteAsync();
        // Once the write has failed and waits to try again, storage comes back; a change made meanwhile goes with the retry.
        await _time.WaitForTimerAsync();
        _storage.FailWrites = null;
        var newest = Retrying with { Message = "changed while storage was down" };
        state.State = newest;
        await _time.DriveAsync(write);
        await write;

        Assert.Equal(newest, _storage.Peek<TaskRunState>(StateName, Grain));
        Assert.False(state.IsBroken);
        Assert.Empty(_broken);
    }

    /// <summary>A state for a new grain whose first write, of <paramref name="first"/>, went through.</summary>
    private async Task<LazyGrainState<TaskRunState>> StoredAsync(TaskRunState first, TimeSpan? maxDuration = null)
    {
        var retry = new StorageRetry(
            new StorageRetryOptions { MaxDuration = maxDuration ?? TimeSpan.FromMinutes(1), FirstDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2) },
            _time);
        var state = new LazyGrainState<TaskRunState>(_storage, StateName, Grain, () => Created, _ => { }, retry, _broken.Add);
        Assert.True(state.TryMarkNew());
        state.State = first;
        await state.WriteAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _storage.Writes);
        return state;
    }
}
