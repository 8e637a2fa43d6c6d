using System.Text.Json.Nodes;
using Tributary.Handlers;

namespace Tributary.Tests.Infrastructure;

/// <summary>A handler kind whose storage refuses every write with a permanent error (HTTP 403), as revoked credentials would.</summary>
public sealed class RefusingResultHandler : IResultHandler
{
    /// <summary>The kind name.</summary>
    public const string Kind = "refusing";

    /// <summary>The descriptor a flow names the handler by.</summary>
    public static ResultHandlerDescriptor Descriptor { get; } = new(Kind);

    ResultHandlerDescriptor IResultHandler.Descriptor => Descriptor;

    /// <inheritdoc />
    public Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default) =>
        throw new StorageFaults.ForbiddenException();

    /// <inheritdoc />
    public Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default) =>
        throw new ResultLocationNotFoundException(location?.ToJsonString() ?? "null", Descriptor);
}
