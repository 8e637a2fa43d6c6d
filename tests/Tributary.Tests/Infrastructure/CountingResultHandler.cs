using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tributary.Handlers;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// An in-memory handler that counts its writes and can hold them (<see cref="HoldWrites"/>) or fail them
/// (<see cref="FailNextWrites"/>), to test when and how often a result is written.
/// </summary>
public sealed class CountingResultHandler : IResultHandler
{
    private readonly ConcurrentDictionary<string, object?> _stored = new();
    private readonly TaskCompletionSource _firstWriteStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _gate;
    private int _writes;
    private int _reads;
    private int _failuresLeft;

    /// <summary>The kind name.</summary>
    public const string Kind = "counting";

    /// <inheritdoc />
    public ResultHandlerDescriptor Descriptor { get; } = new(Kind);

    /// <summary>How many times <see cref="WriteAsync"/> was entered.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>How many times <see cref="ReadAsync"/> was entered.</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Completes when the first write has been entered.</summary>
    public Task FirstWriteStarted => _firstWriteStarted.Task;

    /// <summary>Makes the next writes fail with an <see cref="IOException"/>.</summary>
    public int FailNextWrites
    {
        set => Volatile.Write(ref _failuresLeft, value);
    }

    /// <summary>Holds every write until the returned source is completed.</summary>
    public TaskCompletionSource HoldWrites() =>
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public async Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        _firstWriteStarted.TrySetResult();
        if (_gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("Simulated storage failure.");
        }

        var key = $"counting://{Guid.NewGuid():N}";
        _stored[key] = value;
        return JsonValue.Create(key);
    }

    /// <inheritdoc />
    public Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        var key = location?.GetValue<string>() ?? throw new ArgumentNullException(nameof(location));
        return _stored.TryGetValue(key, out var value)
            ? Task.FromResult(value)
            : throw new ResultLocationNotFoundException(key, Descriptor);
    }
}
