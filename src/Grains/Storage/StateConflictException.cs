namespace Tributary.Storage;

/// <summary>
/// A state write found that storage holds a state this activation neither wrote nor read: another activation of the
/// same grain wrote it. The activation stops answering from memory and deactivates, so the next one reads the truth.
/// </summary>
[GenerateSerializer, Alias("tributary.state-conflict-error")]
public sealed class StateConflictException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The storage's own error, if any.</param>
    public StateConflictException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
