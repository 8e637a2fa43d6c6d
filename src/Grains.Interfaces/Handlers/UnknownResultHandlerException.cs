namespace Tributary.Handlers;

/// <summary>A descriptor names a handler kind that this host has not registered.</summary>
[GenerateSerializer, Alias("tributary.unknown-handler-error")]
public sealed class UnknownResultHandlerException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="kind">The unknown kind.</param>
    /// <param name="knownKinds">The kinds this host knows.</param>
    public UnknownResultHandlerException(string kind, IReadOnlyCollection<string> knownKinds)
        : base($"No result handler of kind '{kind}' is registered on this host (known kinds: {string.Join(", ", knownKinds)}). " +
               "Register it with the host's result handler catalog, e.g. AddAzureBlobResultHandler for 'azure-blob'.")
    {
        Kind = kind;
    }

    /// <summary>The unknown kind.</summary>
    [Id(0)]
    public string Kind { get; }
}
