namespace Tributary.Storage;

/// <summary>
/// A grain's state could not be stored (after <c>Tributary:StorageRetry</c>), or conflicted with another activation's.
/// The activation answers from its last stored state from then on and deactivates; its message names the storage fault.
/// </summary>
[GenerateSerializer, Alias("tributary.state-storage-error")]
public sealed class StateStorageException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Which state, and the storage's fault.</param>
    /// <param name="innerException">The storage's own error.</param>
    public StateStorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
