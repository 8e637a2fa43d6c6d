using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// Grain storage in memory with the semantics of a real one (ETags checked on write, a conflict reported as
/// <see cref="InconsistentStateException"/>, states stored as bytes through Orleans' serializer so that a read gives new
/// instances) and the faults of a real one on demand: a write that fails, a write that stores and then throws (its
/// response lost), a record written by someone else, an ETag that changed under the same content.
/// </summary>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private readonly Lock _lock = new();
    private readonly Dictionary<(string State, GrainId Grain), (byte[] Data, string ETag)> _records = [];
    private readonly Queue<(Exception Fault, bool StoresFirst)> _writeFaults = new();
    private int _lastETag;
    private int _writes;

    /// <summary>How many writes were asked of the storage (failed ones included).</summary>
    public int Writes
    {
        get
        {
            lock (_lock)
            {
                return _writes;
            }
        }
    }

    /// <summary>While set, every write fails with it, storing nothing (an outage).</summary>
    public Exception? FailWrites { get; set; }

    /// <summary>While set, every read fails with it.</summary>
    public Exception? FailReads { get; set; }

    /// <summary>Makes the next write fail with <paramref name="fault"/>: before storing, or after (the write took effect, its response was lost).</summary>
    public void FailNextWrite(Exception fault, bool storesFirst = false)
    {
        lock (_lock)
        {
            _writeFaults.Enqueue((fault, storesFirst));
        }
    }

    /// <summary>Writes a record as another writer would (another activation of the same grain): a new ETag.</summary>
    public void Put<T>(string stateName, GrainId grainId, T state)
    {
        lock (_lock)
        {
            _records[(stateName, grainId)] = (Serializer.SerializeToArray(state), NextETag());
        }
    }

    /// <summary>Gives a record a new ETag without changing what it holds.</summary>
    public void RenewETag(string stateName, GrainId grainId)
    {
        lock (_lock)
        {
            var record = _records[(stateName, grainId)];
            _records[(stateName, grainId)] = record with { ETag = NextETag() };
        }
    }

    /// <summary>What a record holds (a new instance), or the default when there is none.</summary>
    public T? Peek<T>(string stateName, GrainId grainId)
    {
        lock (_lock)
        {
            return _records.TryGetValue((stateName, grainId), out var record) ? Serializer.Deserialize<T>(record.Data) : default;
        }
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_lock)
        {
            if (FailReads is { } fault)
            {
                return Task.FromException(fault);
            }

            if (_records.TryGetValue((stateName, grainId), out var record))
            {
                grainState.State = Serializer.Deserialize<T>(record.Data);
                grainState.ETag = record.ETag;
                grainState.RecordExists = true;
            }
            else
            {
                grainState.State = default!;
                grainState.ETag = null;
                grainState.RecordExists = false;
            }

            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_lock)
        {
            _writes++;
            if (FailWrites is { } outage)
            {
                return Task.FromException(outage);
            }

            var (fault, storesFirst) = _writeFaults.TryDequeue(out var planned) ? planned : (null, false);
            if (fault is not null && !storesFirst)
            {
                return Task.FromException(fault);
            }

            var key = (stateName, grainId);
            var current = _records.TryGetValue(key, out var record) ? record.ETag : null;
            if (grainState.ETag != current)
            {
                return Task.FromException(new InconsistentStateException(
                    $"ETag mismatch writing '{stateName}' of {grainId}.", current, grainState.ETag, storageException: null));
            }

            var etag = NextETag();
            _records[key] = (Serializer.SerializeToArray(grainState.State), etag);
            if (fault is not null)
            {
                // Stored, but the writer never hears so: its state keeps the old ETag, as after a lost response.
                return Task.FromException(fault);
            }

            grainState.ETag = etag;
            grainState.RecordExists = true;
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_lock)
        {
            _records.Remove((stateName, grainId));
            grainState.ETag = null;
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }
    }

    private string NextETag() => $"etag-{++_lastETag}";
}
