namespace Tributary.Handlers.S3;

/// <summary>
/// An S3 request failed for a reason other than a missing object (which is a
/// <see cref="ResultLocationNotFoundException"/>): the endpoint could not be reached, or it refused the request.
/// </summary>
/// <remarks>
/// The message names the endpoint, the operation and the location, never a credential. <see cref="Status"/> is the
/// HTTP status of the answer, or 0 when none came: the engine reads it by name and retries a fault with no answer, a
/// 5xx, a 408 or a 429 (transient), and gives up at once on any other 4xx (a refused credential, a missing bucket).
/// </remarks>
public sealed class S3StorageException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What failed, naming the endpoint and the location.</param>
    /// <param name="endpoint">The endpoint, as it may be shown.</param>
    /// <param name="status">The HTTP status of the answer, or 0 when none came.</param>
    /// <param name="errorCode">The S3 error code (<c>AccessDenied</c>, <c>NoSuchBucket</c>, ...), if any.</param>
    /// <param name="innerException">The SDK's error.</param>
    public S3StorageException(string message, string endpoint, int status, string? errorCode, Exception? innerException)
        : base(message, innerException)
    {
        Endpoint = endpoint;
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The endpoint the request went to, as it may be shown (no credentials).</summary>
    public string Endpoint { get; }

    /// <summary>The HTTP status of the answer, or 0 when no answer came (the endpoint could not be reached, or timed out).</summary>
    public int Status { get; }

    /// <summary>The S3 error code of the answer, or <see langword="null"/> when there was no answer.</summary>
    public string? ErrorCode { get; }
}
