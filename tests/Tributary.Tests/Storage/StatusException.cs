namespace Tributary.Tests.Storage;

/// <summary>
/// A storage SDK's error with an HTTP status, shaped as the Azure SDK's <c>RequestFailedException</c> is (an
/// <see cref="int"/> <c>Status</c>), which the engine reads by name without referencing any cloud SDK.
/// </summary>
public sealed class StatusException(int status) : Exception($"The service answered {status}.")
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;
}
