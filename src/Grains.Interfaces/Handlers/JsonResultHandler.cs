using System.Text.Json.Nodes;
using Tributary.Serialization;

namespace Tributary.Handlers;

/// <summary>
/// Stores nothing outside the orchestration state: the safe value <em>is</em> the data, as JSON.
/// </summary>
/// <remarks>
/// Opt-in, for small and non-sensitive values only: whatever this handler writes lands in flow-run and task-run
/// state, the API and the dashboard. Parameters always use it. Reading never fails for a missing location,
/// since there is none.
/// </remarks>
public sealed class JsonResultHandler : IResultHandler
{
    /// <summary>The kind name stored in descriptors.</summary>
    public const string Kind = "json";

    private readonly SystemTextJsonResultSerializer _serializer;

    /// <summary>Creates the handler.</summary>
    /// <param name="serializer">
    /// The serializer; the JSON handler needs JSON, so a serializer that is not a
    /// <see cref="SystemTextJsonResultSerializer"/> is replaced by the default one.
    /// </param>
    public JsonResultHandler(IResultSerializer? serializer = null)
    {
        _serializer = serializer as SystemTextJsonResultSerializer ?? SystemTextJsonResultSerializer.Default;
    }

    /// <inheritdoc />
    public ResultHandlerDescriptor Descriptor => ResultHandlers.Json;

    /// <inheritdoc />
    public Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default) =>
        Task.FromResult(_serializer.SerializeToNode(value, valueType));

    /// <inheritdoc />
    public Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default) =>
        Task.FromResult(_serializer.DeserializeNode(location, valueType));
}
