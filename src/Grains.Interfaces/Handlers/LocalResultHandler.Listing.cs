using System.Text.Json.Nodes;
using Tributary.Results;

namespace Tributary.Handlers;

// What retention asks of the local handler: whether a file is still there, and the files under one run's directory.
public sealed partial class LocalResultHandler
{
    /// <inheritdoc />
    public Task<bool> ExistsAsync(JsonNode? location, CancellationToken cancellationToken = default) =>
        Task.FromResult(location is JsonValue value && value.TryGetValue<string>(out var path) && File.Exists(PathInside(path)));

    /// <inheritdoc />
    /// <remarks>The files under <c>Directory/yyyy/MM/dd/flow/run/</c>, hidden temporary files of unfinished writes included.</remarks>
    public Task<IReadOnlyList<JsonNode>> ListRunLocationsAsync(string flowName, string flowRunId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine([Directory, .. ResultKey.RunPrefix(flowName, flowRunId, day).Split('/', StringSplitOptions.RemoveEmptyEntries)]);
        IReadOnlyList<JsonNode> found = System.IO.Directory.Exists(folder)
            ? [.. System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(path => (JsonNode)JsonValue.Create(path))]
            : [];
        return Task.FromResult(found);
    }
}
