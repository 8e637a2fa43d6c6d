using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tributary.Handlers;

namespace Tributary.Tests.Infrastructure;

/// <summary>An in-memory handler that counts how many of its writes and reads are in flight at once.</summary>
public sealed class InFlightResultHandler : IResultHandler
{
    /// <summary>The kind name.</summary>
    public const string Kind = "in-flight";

    private readonly ConcurrentDictionary<string, object?> _stored = new();

    /// <summary>The descriptor a task names the handler by.</summary>
    public static ResultHandlerDescriptor Descriptor { get; } = new(Kind);

    /// <summary>The writes in flight.</summary>
    public InFlightCounter Writes { get; } = new();

    /// <summary>The reads in flight.</summary>
    public InFlightCounter Reads { get; } = new();

    ResultHandlerDescriptor IResultHandler.Descriptor => Descriptor;

    /// <inheritdoc />
    public async Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default)
    {
        using var inFlight = Writes.Enter();
        await StorageLatencyAsync(cancellationToken);
        var key = $"in-flight://{Guid.NewGuid():N}";
        _stored[key] = value;
        return JsonValue.Create(key);
    }

    /// <inheritdoc />
    public async Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default)
    {
        using var inFlight = Reads.Enter();
        await StorageLatencyAsync(cancellationToken);
        var key = location?.GetValue<string>() ?? throw new ArgumentNullException(nameof(location));
        return _stored.TryGetValue(key, out var value) ? value : throw new ResultLocationNotFoundException(key, Descriptor);
    }

    // Stands for a storage round trip: an operation stays in flight across it, so operations started together overlap.
    private static Task StorageLatencyAsync(CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(2), cancellationToken);
}
