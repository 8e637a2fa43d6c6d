namespace Tributary.Results;

/// <summary>What Orleans writes for <see cref="NoResult"/>: nothing but the fact (see <see cref="NoResultSurrogateConverter"/>).</summary>
[GenerateSerializer, Immutable, Alias("tributary.no-result")]
public readonly struct NoResultSurrogate;
