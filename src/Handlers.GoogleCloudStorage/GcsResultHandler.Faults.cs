using System.Net;
using Google;

namespace Tributary.Handlers.GoogleCloudStorage;

// From the client library's errors to the contract's: a missing object, or a request error whose status says whether it may pass.
public sealed partial class GcsResultHandler
{
    private Exception Translate(GoogleApiException error, string operation, GcsObjectUri target)
    {
        var location = target.ToString();
        if (operation == "read" && error.HttpStatusCode == HttpStatusCode.NotFound && !IsMissingBucket(error))
        {
            return new ResultLocationNotFoundException(location, Descriptor, error);
        }

        // The engine may store this message (a failed attempt's): it names the object and the service's reason, never a credential.
        var status = (int)error.HttpStatusCode;
        var reason = error.Error?.Message ?? error.Message;
        return new GcsRequestException(
            $"Handler {Descriptor} could not {operation} {location}: Cloud Storage answered {status} ({error.HttpStatusCode}): {reason}",
            error.HttpStatusCode,
            error);
    }

    // A 404 for the bucket is a configuration error (the bucket must exist), not a result that went missing.
    private static bool IsMissingBucket(GoogleApiException error) =>
        error.Error?.Message?.Contains("bucket does not exist", StringComparison.OrdinalIgnoreCase) == true;
}
