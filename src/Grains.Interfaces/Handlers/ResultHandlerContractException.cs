namespace Tributary.Handlers;

/// <summary>A result handler broke its contract, e.g. its write returned something that is not JSON.</summary>
[GenerateSerializer, Alias("tributary.handler-contract-error")]
public sealed class ResultHandlerContractException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Which handler, what it returned, and where in its output.</param>
    public ResultHandlerContractException(string message)
        : base(message)
    {
    }
}
