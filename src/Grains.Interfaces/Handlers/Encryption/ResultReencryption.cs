namespace Tributary.Handlers.Encryption;

/// <summary>What re-encrypting one stored result did, or (in a dry run) would do.</summary>
/// <param name="Location">The inner handler's location of the encrypted object (a path, a URI).</param>
/// <param name="FromKeyId">The key id in the object's header before.</param>
/// <param name="ToKeyId">The active key id: the header's key id after.</param>
/// <param name="Outcome">What was done.</param>
[GenerateSerializer, Immutable, Alias("tributary.result-reencryption")]
public sealed record ResultReencryption(
    [property: Id(0)] string Location,
    [property: Id(1)] string FromKeyId,
    [property: Id(2)] string ToKeyId,
    [property: Id(3)] ReencryptionOutcome Outcome);
