using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;
using Tributary.Handlers.S3.Options;
using Tributary.Results;
using Tributary.Serialization;

namespace Tributary.Handlers.S3;

/// <summary>
/// Stores each value in its own object of an S3 bucket (Amazon S3 or any S3-compatible store); the safe value is the
/// object's <c>s3://bucket/key</c> URI: no endpoint secret, no key, whichever credential wrote it.
/// </summary>
/// <remarks>
/// <para>
/// The descriptor records the kind <c>s3</c>, the bucket, and the <c>format</c> and <c>codec</c> written when one was
/// chosen (see <see cref="ResultEncoding"/>); never the endpoint or a credential. A read uses this handler's own client
/// (its endpoint and credentials), so any host that registers the kind with credentials for the same store reads the
/// URI back, in whatever format and codec it was written (the stored bytes say which).
/// </para>
/// <para>
/// Keyed writes go to <c>{prefix}yyyy/MM/dd/flow/run/task/attempt-N[-nonce]{extension}</c> (see
/// <see cref="ResultKey.ToRelativePath"/>), so an operator finds or deletes one run's results by prefix, and the engine
/// finds a checkpoint written just before a crash (<see cref="IResultHandler.LocationOf"/>). Other writes get a new
/// random key under the prefix. Retention lists one run's keys under <c>{prefix}yyyy/MM/dd/flow/run/</c> of the handler's
/// bucket (<see cref="IResultLocationLister"/>), so a checkpoint no state names is found and deleted too.
/// </para>
/// <para>
/// A read of a missing object (or bucket) throws <see cref="ResultLocationNotFoundException"/> naming the location and
/// the handler. Any other failure is an <see cref="S3StorageException"/> naming the endpoint and the location: with no
/// answer (an endpoint that cannot be reached) or a 5xx it is transient and the engine retries it; a refused request
/// (403, a missing bucket on write) is not.
/// </para>
/// </remarks>
public sealed partial class S3ResultHandler : ByteStoreResultHandler, IResultLocationLister
{
    /// <summary>The handler kind stored in descriptors.</summary>
    public const string Kind = "s3";

    /// <summary>The descriptor setting that names the bucket.</summary>
    public const string BucketSetting = "bucket";

    private readonly IAmazonS3 _client;
    private readonly string _prefix;

    /// <summary>Creates a handler that writes to one bucket and reads objects of any bucket the client may read.</summary>
    /// <param name="client">A client for the store, with this host's endpoint and credentials. Not disposed by the handler.</param>
    /// <param name="bucket">The bucket to write to; it must exist.</param>
    /// <param name="prefix">A prefix for object keys (letters, digits, <c>- _ . /</c>); empty when <see langword="null"/>.</param>
    /// <param name="serializer">How values become bytes; System.Text.Json when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="bucket"/> or <paramref name="prefix"/> is not valid; the message says why.</exception>
    public S3ResultHandler(IAmazonS3 client, string bucket, string? prefix = null, IResultSerializer? serializer = null)
        : this(client, bucket, prefix, serializer, format: null, codec: null)
    {
    }

    /// <summary>
    /// Creates a handler that writes to one bucket in a chosen format and codec (recorded in its descriptor), and reads
    /// objects of any bucket the client may read, in any format and codec.
    /// </summary>
    /// <param name="client">A client for the store, with this host's endpoint and credentials. Not disposed by the handler.</param>
    /// <param name="bucket">The bucket to write to; it must exist.</param>
    /// <param name="prefix">A prefix for object keys (letters, digits, <c>- _ . /</c>); empty when <see langword="null"/>.</param>
    /// <param name="serializer">The host's serializer: it writes when neither format nor codec is chosen, and reads results stored without a format header; System.Text.Json when <see langword="null"/>.</param>
    /// <param name="format">The format to write (descriptor setting <c>format</c>); the serializer's when <see langword="null"/>.</param>
    /// <param name="codec">The compression to apply when it pays off (descriptor setting <c>codec</c>); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="bucket"/> or <paramref name="prefix"/> is not valid; the message says why.</exception>
    public S3ResultHandler(IAmazonS3 client, string bucket, string? prefix, IResultSerializer? serializer, ResultFormat? format, ResultCodec? codec)
        : base(ResultEncoding.Serializer(format, codec, serializer ?? SystemTextJsonResultSerializer.Default))
    {
        ArgumentNullException.ThrowIfNull(client);
        if (S3Names.BucketProblem(bucket) is { } bucketProblem)
        {
            throw new ArgumentException($"The S3 handler's bucket {bucketProblem}.", nameof(bucket));
        }

        if (S3Names.PrefixProblem(prefix) is { } prefixProblem)
        {
            throw new ArgumentException($"The S3 handler's key prefix {prefixProblem}.", nameof(prefix));
        }

        _client = client;
        _prefix = prefix ?? string.Empty;
        Bucket = bucket;
        Endpoint = S3Endpoint.Describe(client.Config);
        Descriptor = DescriptorFor(bucket, format, codec);
    }

    /// <summary>The bucket written to.</summary>
    public string Bucket { get; }

    /// <summary>The endpoint the handler talks to, as it may be shown (no credentials).</summary>
    public string Endpoint { get; }

    /// <inheritdoc />
    public override ResultHandlerDescriptor Descriptor { get; }

    /// <summary>
    /// The descriptor of the S3 handler writing to <paramref name="bucket"/> of the host's configured store, in
    /// <paramref name="format"/> compressed with <paramref name="codec"/>.
    /// </summary>
    /// <param name="bucket">The bucket; <see langword="null"/> for the host's <see cref="S3ResultHandlerOptions.Bucket"/>.</param>
    /// <param name="format">The format written (setting <c>format</c>); <see langword="null"/> for the host's serializer (JSON).</param>
    /// <param name="codec">The compression (setting <c>codec</c>); <see langword="null"/> for none.</param>
    /// <remarks>Settings left <see langword="null"/> are not recorded, so a descriptor made before formats existed stays as it was.</remarks>
    public static ResultHandlerDescriptor DescriptorFor(string? bucket = null, ResultFormat? format = null, ResultCodec? codec = null) =>
        new(Kind, [.. bucket is null ? [] : new KeyValuePair<string, string>[] { new(BucketSetting, bucket) }, .. ResultEncoding.Settings(format, codec)]);

    /// <inheritdoc />
    protected override Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        PutAsync(new S3Location(Bucket, $"{_prefix}{Guid.NewGuid():N}{Serializer.FileExtension}"), data, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Writing a key again replaces its object (the same attempt's output).</remarks>
    protected override Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, ResultKey key, CancellationToken cancellationToken) =>
        PutAsync(KeyedLocation(key), data, cancellationToken);

    /// <inheritdoc />
    protected override string LocationOfKey(ResultKey key) => KeyedLocation(key).ToString();

    /// <inheritdoc />
    protected override async Task<byte[]> ReadBytesAsync(string location, CancellationToken cancellationToken)
    {
        var where = Resolve(location);
        try
        {
            using var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = where.Bucket, Key = where.Key }, cancellationToken)
                .ConfigureAwait(false);
            var length = response.ContentLength;
            using var buffer = new MemoryStream(length is > 0 and <= int.MaxValue ? (int)length : 0);
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // NoSuchKey or NoSuchBucket: either way nothing is stored there any more.
            throw new ResultLocationNotFoundException(where.ToString(), Descriptor, ex);
        }
        catch (Exception ex) when (Fault(ex, "read", where, cancellationToken) is { } fault)
        {
            throw fault;
        }
    }

    /// <inheritdoc />
    protected override async Task DeleteBytesAsync(string location, CancellationToken cancellationToken)
    {
        var where = Resolve(location);
        try
        {
            // S3 answers a deletion of a missing key with success.
            await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = where.Bucket, Key = where.Key }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // The bucket is gone, and the object with it.
        }
        catch (Exception ex) when (Fault(ex, "delete", where, cancellationToken) is { } fault)
        {
            throw fault;
        }
    }

    private S3Location KeyedLocation(ResultKey key) => new(Bucket, $"{_prefix}{key.ToRelativePath()}{Serializer.FileExtension}");

    private async Task<string> PutAsync(S3Location where, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var body = MemoryMarshal.TryGetArray(data, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);
        await using (body.ConfigureAwait(false))
        {
            var request = new PutObjectRequest
            {
                BucketName = where.Bucket,
                Key = where.Key,
                InputStream = body,
                AutoCloseStream = false,
                // Without this the SDK sends aws-chunked framing, which some S3-compatible stores (s3rver) keep inside
                // the object while answering success: silent corruption. One signed body works everywhere.
                UseChunkEncoding = false,
            };
            try
            {
                await _client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Fault(ex, "write", where, cancellationToken) is { } fault)
            {
                throw fault;
            }
        }

        return where.ToString();
    }

    private S3Location Resolve(string location)
    {
        if (!S3Location.TryParse(location, out var where))
        {
            // Cut before any query: the message may be stored, and a URL given by mistake could carry a signature.
            var end = location.AsSpan().IndexOfAny('?', '#');
            var shown = end < 0 ? location : location[..end];
            throw new ArgumentException($"Handler {Descriptor} was given '{shown}', which is not an s3://bucket/key location.", nameof(location));
        }

        return where;
    }
}
