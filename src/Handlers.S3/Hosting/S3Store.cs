using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Options;
using Tributary.Handlers.S3.Options;
using Tributary.Serialization;

namespace Tributary.Handlers.S3.Hosting;

/// <summary>
/// The host's S3 client, made once from the validated <see cref="S3ResultHandlerOptions"/> (the SDK's clients are
/// meant to be shared), and the handlers made from it for each descriptor.
/// </summary>
internal sealed class S3Store : IDisposable
{
    private readonly S3ResultHandlerOptions _options;
    private readonly IResultSerializer? _serializer;
    private readonly AmazonS3Client _client;

    /// <exception cref="OptionsValidationException">The options cannot work; the message names the setting.</exception>
    public S3Store(IOptions<S3ResultHandlerOptions> options, IResultSerializer? serializer = null)
    {
        _options = options.Value;
        _serializer = serializer;
        _client = CreateClient(_options);
    }

    /// <summary>
    /// The handler of a descriptor, which may name a bucket (the configured one otherwise) and the <c>format</c> and
    /// <c>codec</c> to write (the host's serializer otherwise).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The descriptor names a bucket that is not a valid bucket name, or a format or codec that is not known; the message
    /// names the setting and its value.
    /// </exception>
    public S3ResultHandler CreateHandler(ResultHandlerDescriptor descriptor)
    {
        // Configuration keys are case-insensitive: 'Tributary__ResultHandler__Settings__Bucket' binds as "Bucket".
        var named = descriptor.Settings
            .FirstOrDefault(pair => string.Equals(pair.Key, S3ResultHandler.BucketSetting, StringComparison.OrdinalIgnoreCase)).Value;
        var bucket = named ?? _options.Bucket!;
        if (S3Names.BucketProblem(bucket) is { } problem)
        {
            throw new ArgumentException($"Descriptor {descriptor}: its '{S3ResultHandler.BucketSetting}' setting {problem}.", nameof(descriptor));
        }

        return new S3ResultHandler(
            _client, bucket, _options.Prefix, _serializer, ResultEncoding.FormatOf(descriptor), ResultEncoding.CodecOf(descriptor));
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static AmazonS3Client CreateClient(S3ResultHandlerOptions options)
    {
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            if (!string.IsNullOrWhiteSpace(options.Region))
            {
                config.AuthenticationRegion = options.Region;
            }

            // Checksums only where the operation requires them: many S3-compatible stores reject or mishandle the
            // flexible checksums the SDK adds by default.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        if (options.RequestTimeout is { } timeout)
        {
            config.Timeout = timeout;
        }

        if (options.MaxErrorRetry is { } retries)
        {
            config.MaxErrorRetry = retries;
        }

        if (!options.HasCredentials)
        {
            // The SDK's default chain, resolved at the first request (a missing credential fails that request).
            return new AmazonS3Client(config);
        }

        AWSCredentials credentials = string.IsNullOrEmpty(options.SessionToken)
            ? new BasicAWSCredentials(options.AccessKey, options.SecretKey)
            : new SessionAWSCredentials(options.AccessKey, options.SecretKey, options.SessionToken);
        return new AmazonS3Client(credentials, config);
    }
}
