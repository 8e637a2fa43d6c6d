using System.Text.Json.Nodes;

namespace Tributary.Handlers;

// Rewriting a stored file in place (re-encryption under a new key keeps every safe value that names the file valid).
public sealed partial class LocalResultHandler
{
    /// <inheritdoc />
    /// <remarks>Atomic, as every write of this handler: the new bytes go to a temporary file that replaces the old one.</remarks>
    public Task RewriteAsync(JsonNode? location, object? value, Type valueType, CancellationToken cancellationToken = default)
    {
        var text = LocationText(location);
        var file = PathInside(text);
        if (!File.Exists(file))
        {
            throw new ResultLocationNotFoundException(file, Descriptor);
        }

        return WriteFileAsync(file, Serializer.Serialize(value, valueType), overwrite: true, cancellationToken);
    }
}
