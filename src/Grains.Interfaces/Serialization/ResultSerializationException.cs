namespace Tributary.Serialization;

/// <summary>A value could not be serialized, or stored bytes could not be read back as the requested type.</summary>
[GenerateSerializer, Alias("tributary.serialization-error")]
public sealed class ResultSerializationException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Which type, which serializer, what went wrong.</param>
    /// <param name="innerException">The serializer's error.</param>
    public ResultSerializationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
