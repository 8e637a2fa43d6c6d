using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Handlers;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// A handler kind kept in this process's memory whose reads wait for the test to open its gate (and honour their
/// token), so a test can hold a read through a handler open. Writes complete at once. Only one test class uses it.
/// </summary>
public sealed class GatedResultHandler : IResultHandler
{
    /// <summary>The kind name.</summary>
    public const string Kind = "gated";

    private static readonly ConcurrentDictionary<string, string> Stored = new();
    private static TaskCompletionSource _gate = NewSignal();
    private static TaskCompletionSource _readStarted = NewSignal();
    private static int _reads;

    /// <summary>The descriptor a flow names the handler by.</summary>
    public static ResultHandlerDescriptor Descriptor { get; } = new(Kind);

    /// <summary>Completes when a read has started waiting at the gate (since the last <see cref="Close"/>).</summary>
    public static Task ReadStarted => _readStarted.Task;

    /// <summary>How many reads completed since the last <see cref="Close"/>.</summary>
    public static int CompletedReads => Volatile.Read(ref _reads);

    ResultHandlerDescriptor IResultHandler.Descriptor => Descriptor;

    /// <summary>Closes the gate: reads from now on wait for <see cref="Open"/>.</summary>
    public static void Close()
    {
        _gate = NewSignal();
        _readStarted = NewSignal();
        Volatile.Write(ref _reads, 0);
    }

    /// <summary>Lets every waiting and future read through.</summary>
    public static void Open() => _gate.TrySetResult();

    /// <inheritdoc />
    public Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default)
    {
        var location = Guid.NewGuid().ToString("N");
        Stored[location] = JsonSerializer.Serialize(value, valueType);
        return Task.FromResult<JsonNode?>(JsonValue.Create(location));
    }

    /// <inheritdoc />
    public async Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default)
    {
        var key = location?.GetValue<string>() ?? string.Empty;
        _readStarted.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!Stored.TryGetValue(key, out var json))
        {
            throw new ResultLocationNotFoundException(key, Descriptor);
        }

        Interlocked.Increment(ref _reads);
        return JsonSerializer.Deserialize(json, valueType);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
