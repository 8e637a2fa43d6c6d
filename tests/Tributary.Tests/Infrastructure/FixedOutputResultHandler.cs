using System.Text.Json.Nodes;
using Tributary.Handlers;

namespace Tributary.Tests.Infrastructure;

/// <summary>A handler that breaks (or keeps) the contract on purpose: its write returns whatever the test gives it.</summary>
public sealed class FixedOutputResultHandler(string kind, Func<JsonNode?> output) : IResultHandler
{
    /// <inheritdoc />
    public ResultHandlerDescriptor Descriptor { get; } = new(kind);

    /// <inheritdoc />
    public Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default) =>
        Task.FromResult(output());

    /// <inheritdoc />
    public Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This handler only writes.");
}
