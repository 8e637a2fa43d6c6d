using System.Text.Json.Nodes;

namespace Tributary.Handlers;

/// <summary>
/// A result handler that can replace what is stored at a location it wrote, keeping the location: the safe values that
/// name it stay valid. Re-encryption of stored results needs it from the handler that stores the encrypted objects.
/// </summary>
/// <remarks>The replacement is atomic where the storage allows it: a reader sees the old object or the new one, never a mix.</remarks>
public interface IRewritableResultHandler : IResultHandler
{
    /// <summary>Replaces the value stored at <paramref name="location"/>.</summary>
    /// <param name="location">A location this handler's write returned.</param>
    /// <param name="value">The new value.</param>
    /// <param name="valueType">The type to serialize it as.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ResultLocationNotFoundException">Nothing is stored at <paramref name="location"/> (nothing is created there).</exception>
    Task RewriteAsync(JsonNode? location, object? value, Type valueType, CancellationToken cancellationToken = default);
}
