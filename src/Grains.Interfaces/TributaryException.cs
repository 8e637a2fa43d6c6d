namespace Tributary;

/// <summary>The base of the errors Tributary raises on purpose; each says what is wrong and where.</summary>
[GenerateSerializer, Alias("tributary.error")]
public class TributaryException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause, if any.</param>
    public TributaryException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
