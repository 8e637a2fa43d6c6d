namespace Tributary.Results;

/// <summary>Lets <see cref="NoResult"/> cross a grain boundary and come back as the one <see cref="NoResult.Instance"/>.</summary>
[RegisterConverter]
public sealed class NoResultSurrogateConverter : IConverter<NoResult, NoResultSurrogate>
{
    /// <inheritdoc />
    public NoResult ConvertFromSurrogate(in NoResultSurrogate surrogate) => NoResult.Instance;

    /// <inheritdoc />
    public NoResultSurrogate ConvertToSurrogate(in NoResult value) => default;
}
