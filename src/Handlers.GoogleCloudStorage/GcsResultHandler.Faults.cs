using System.Net;
using Google;

namespace Tributary.Handlers.GoogleCloudStorage;

// From the client library's errors to the contract's: a missing object, a request error whose status says whether it
// may pass, or a request that got no answer in time.
public sealed partial class GcsResultHandler
{
    private enum GcsOperation
    {
        Write,
        Read,
        Delete,
        Check,
        List,
    }

    private async Task CallAsync(GcsOperation operation, GcsObjectUri target, Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (GoogleApiException ex) when (operation == GcsOperation.Delete && ex.HttpStatusCode == HttpStatusCode.NotFound && !IsMissingBucket(ex))
        {
            // Already gone: deleting twice is not an error.
        }
        catch (GoogleApiException ex)
        {
            throw Translate(ex, operation, target);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The HTTP client gave up (Tributary:Gcs:RequestTimeout), nobody cancelled: an endpoint that does not answer
            // may answer later, so this must read as a fault worth retrying, not as a cancellation.
            throw new TimeoutException($"Handler {Descriptor} could not {Verb(operation)} {target}: Cloud Storage did not answer in time.", ex);
        }
    }

    private Exception Translate(GoogleApiException error, GcsOperation operation, GcsObjectUri target)
    {
        var location = target.ToString();
        if (operation == GcsOperation.Read && error.HttpStatusCode == HttpStatusCode.NotFound && !IsMissingBucket(error))
        {
            return new ResultLocationNotFoundException(location, Descriptor, error);
        }

        // The engine may store this message (a failed attempt's): it names the object and the service's reason, never a credential.
        var status = (int)error.HttpStatusCode;
        var reason = error.Error?.Message ?? error.Message;
        return new GcsRequestException(
            $"Handler {Descriptor} could not {Verb(operation)} {location}: Cloud Storage answered {status} ({error.HttpStatusCode}): {reason}",
            error.HttpStatusCode,
            error);
    }

    private static string Verb(GcsOperation operation) => operation switch
    {
        GcsOperation.Write => "write",
        GcsOperation.Read => "read",
        GcsOperation.Check => "check",
        GcsOperation.List => "list",
        _ => "delete",
    };

    // A 404 for the bucket is a configuration error (the bucket must exist), not a result that went missing.
    private static bool IsMissingBucket(GoogleApiException error) =>
        error.Error?.Message?.Contains("bucket does not exist", StringComparison.OrdinalIgnoreCase) == true;
}
