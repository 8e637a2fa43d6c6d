using System.Net;

namespace Tributary.Handlers.GoogleCloudStorage;

/// <summary>
/// A Cloud Storage request that the service refused or failed, naming the object and the HTTP status. Whether the engine
/// retries it follows from <see cref="Status"/>: 408, 429 and 5xx may pass; any other 4xx (a permission, a missing
/// bucket, a failed precondition) will not.
/// </summary>
/// <remarks>
/// The engine reads <see cref="Status"/> by name, as it reads the Azure SDK's, so that it needs no cloud SDK. A missing
/// object is not reported this way but as <see cref="ResultLocationNotFoundException"/>.
/// </remarks>
public sealed class GcsRequestException : IOException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What failed, naming the object.</param>
    /// <param name="status">The HTTP status the service answered.</param>
    /// <param name="innerException">The client library's error.</param>
    public GcsRequestException(string message, HttpStatusCode status, Exception? innerException)
        : base(message, innerException) => Status = (int)status;

    /// <summary>The HTTP status the service answered (e.g. 403, 503).</summary>
    public int Status { get; }

    /// <summary>Whether the request may succeed if tried again (408, 429 or 5xx).</summary>
    public bool IsTransient => Status is 408 or 429 or >= 500;
}
