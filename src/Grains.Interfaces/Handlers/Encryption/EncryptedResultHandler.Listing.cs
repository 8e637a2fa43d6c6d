using System.Text.Json.Nodes;

namespace Tributary.Handlers.Encryption;

// What retention asks of the encrypting handler: the wrapped handler's answers, when it lists.
public sealed partial class EncryptedResultHandler : IResultLocationLister
{
    /// <summary>
    /// The key id a listed location carries: a listing sees the stored objects, not which key wrapped each (only its
    /// header says, and reading it means reading the object). Reading, deleting and re-encrypting never use the key id
    /// of a location; they take it from the object.
    /// </summary>
    public const string UnlistedKeyId = "?";

    /// <inheritdoc />
    /// <remarks>When the wrapped handler cannot tell (it does not list), <see langword="true"/>: deletion then goes ahead.</remarks>
    public Task<bool> ExistsAsync(JsonNode? location, CancellationToken cancellationToken = default)
    {
        var (_, inner) = EncryptedLocation.Parse(location, Descriptor);
        return Inner is IResultLocationLister lister ? lister.ExistsAsync(inner, cancellationToken) : Task.FromResult(true);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The wrapped handler's locations under the run's prefix, each as this handler's location with the key id
    /// <see cref="UnlistedKeyId"/>; none when the wrapped handler does not list.
    /// </remarks>
    public async Task<IReadOnlyList<JsonNode>> ListRunLocationsAsync(
        string flowName, string flowRunId, DateOnly day, CancellationToken cancellationToken = default)
    {
        if (Inner is not IResultLocationLister lister)
        {
            return [];
        }

        var inner = await lister.ListRunLocationsAsync(flowName, flowRunId, day, cancellationToken).ConfigureAwait(false);
        return [.. inner.Select(location => (JsonNode)EncryptedLocation.Create(UnlistedKeyId, location))];
    }
}
