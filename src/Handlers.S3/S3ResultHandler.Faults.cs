using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Tributary.Handlers.S3.Options;

namespace Tributary.Handlers.S3;

// From the SDK's errors to ones that name the endpoint and the location, and that the engine classifies by Status.
public sealed partial class S3ResultHandler
{
    private const string CredentialSettings =
        $"{S3ResultHandlerOptions.SectionName}:{nameof(S3ResultHandlerOptions.AccessKey)} and :{nameof(S3ResultHandlerOptions.SecretKey)}, "
        + "or the AWS SDK's default credential chain";

    /// <summary>
    /// The error to throw for a failed request, or <see langword="null"/> to let <paramref name="error"/> through (a
    /// cancellation the caller asked for).
    /// </summary>
    private S3StorageException? Fault(Exception error, string operation, S3Location where, CancellationToken cancellationToken)
    {
        switch (error)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case AmazonServiceException { StatusCode: var status and not 0 } refused:
                return new S3StorageException(Refusal(operation, where, (int)status, refused.ErrorCode), Endpoint, (int)status, refused.ErrorCode, error);
            case OperationCanceledException:
                // Not the caller's cancellation: the SDK's own timeout, after its retries.
                return Unreachable(operation, where, "no answer in time", error);
            case HttpRequestException or IOException or AmazonClientException or AmazonServiceException:
                // No answer at all (refused connection, unknown host, reset, no credentials found): the engine retries.
                return Unreachable(operation, where, error.Message, error);
            default:
                return null;
        }
    }

    private S3StorageException Unreachable(string operation, S3Location where, string reason, Exception error) =>
        new($"The S3 endpoint {Endpoint} could not be reached to {operation} {where} (handler {Descriptor}): {reason}", Endpoint, 0, null, error);

    private string Refusal(string operation, S3Location where, int status, string? code)
    {
        var what = $"The S3 endpoint {Endpoint} refused to {operation} {where} (handler {Descriptor}): {status} {code}.";
        return (status, code) switch
        {
            (404, "NoSuchBucket") => $"{what} Bucket '{where.Bucket}' does not exist there: create it (the handler never creates buckets).",
            (401 or 403, _) => $"{what} Check this host's credentials ({CredentialSettings}) and what they may do on bucket '{where.Bucket}'.",
            _ => what,
        };
    }
}
