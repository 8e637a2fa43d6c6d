using Google.Cloud.Storage.V1;
using Tributary.Results;
using Tributary.Serialization;

namespace Tributary.Handlers.GoogleCloudStorage;

/// <summary>
/// Stores each value in its own object of a Cloud Storage bucket; the safe value is the object's
/// <c>gs://bucket/object-name</c> URI: no endpoint, no token, whichever credential wrote it.
/// </summary>
/// <remarks>
/// <para>
/// The descriptor records the bucket, the name prefix and, for an emulator or a private endpoint, the base URI; never a
/// credential. A read uses this handler's own client (the host's credentials), so any host that registers the
/// <c>gcs</c> kind with credentials for the bucket reads the URI back. A read of a missing object fails with
/// <see cref="ResultLocationNotFoundException"/> naming the URI; a refused or failed request with a
/// <see cref="GcsRequestException"/> whose status tells the engine whether to retry; an unreachable endpoint with the
/// client's <see cref="HttpRequestException"/>, which the engine retries. The bucket must exist: it is not created.
/// </para>
/// <para>
/// The descriptor may choose the format and codec written (<c>format</c>, <c>codec</c>: see
/// <see cref="ResultEncoding"/>); objects then end in the serializer's extension (<c>.msgpack</c>, <c>.bin</c> for
/// compressed JSON) with content type <c>application/octet-stream</c>. Every host reads every format, whatever it writes.
/// For retention it lists one run's keyed objects by name prefix and tells whether an object is still there
/// (<see cref="IResultLocationLister"/>).
/// </para>
/// </remarks>
public sealed partial class GcsResultHandler : ByteStoreResultHandler, IResultLocationLister
{
    private readonly StorageClient _client;
    private readonly string _prefix;
    private readonly string _contentType;
    private readonly int? _chunkSize;

    /// <summary>Creates a handler that writes to one bucket and reads objects of any bucket its client may read.</summary>
    /// <param name="client">The client, with its credentials and endpoint (see <c>AddGcsResultHandler</c> for one built from configuration).</param>
    /// <param name="bucket">The bucket to write to; it must exist.</param>
    /// <param name="prefix">A prefix of object names, e.g. <c>"results/"</c>; none when <see langword="null"/>.</param>
    /// <param name="baseUri">
    /// The base URI <paramref name="client"/> was built with, when it is not the public endpoint: recorded in the
    /// descriptor so that only hosts configured for the same endpoint resolve it.
    /// </param>
    /// <param name="serializer">How values become bytes; System.Text.Json when <see langword="null"/>.</param>
    /// <param name="chunkSize">
    /// The size of each request of a resumable upload, a multiple of 256 KiB; the client library's default (10 MiB)
    /// when <see langword="null"/>.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="bucket"/> or <paramref name="baseUri"/> is not valid.</exception>
    public GcsResultHandler(
        StorageClient client,
        string bucket,
        string? prefix = null,
        Uri? baseUri = null,
        IResultSerializer? serializer = null,
        int? chunkSize = null)
        : this(client, bucket, prefix, baseUri, serializer, chunkSize, format: null, codec: null)
    {
    }

    /// <summary>
    /// Creates a handler that writes to one bucket in a chosen format and codec (recorded in its descriptor), and reads
    /// objects of any bucket its client may read, whatever format they were written in.
    /// </summary>
    /// <param name="client">The client, with its credentials and endpoint (see <c>AddGcsResultHandler</c> for one built from configuration).</param>
    /// <param name="bucket">The bucket to write to; it must exist.</param>
    /// <param name="prefix">A prefix of object names, e.g. <c>"results/"</c>; none when <see langword="null"/>.</param>
    /// <param name="baseUri">
    /// The base URI <paramref name="client"/> was built with, when it is not the public endpoint: recorded in the
    /// descriptor so that only hosts configured for the same endpoint resolve it.
    /// </param>
    /// <param name="serializer">
    /// The host's serializer: it writes when neither format nor codec is chosen, and reads objects stored without a
    /// format header; System.Text.Json when <see langword="null"/>.
    /// </param>
    /// <param name="chunkSize">
    /// The size of each request of a resumable upload, a multiple of 256 KiB; the client library's default (10 MiB)
    /// when <see langword="null"/>.
    /// </param>
    /// <param name="format">The format to write (descriptor setting <c>format</c>); the serializer's when <see langword="null"/>.</param>
    /// <param name="codec">The compression to apply when it pays off (descriptor setting <c>codec</c>); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="bucket"/> or <paramref name="baseUri"/> is not valid.</exception>
    public GcsResultHandler(
        StorageClient client,
        string bucket,
        string? prefix,
        Uri? baseUri,
        IResultSerializer? serializer,
        int? chunkSize,
        ResultFormat? format,
        ResultCodec? codec)
        : base(ResultEncoding.Serializer(format, codec, serializer))
    {
        ArgumentNullException.ThrowIfNull(client);
        if (chunkSize is { } size && (size <= 0 || size % UploadObjectOptions.MinimumChunkSize != 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(chunkSize), chunkSize, $"A chunk size is a positive multiple of {UploadObjectOptions.MinimumChunkSize} bytes.");
        }

        Descriptor = GcsResultHandlers.Bucket(bucket, prefix, baseUri, format, codec);
        _client = client;
        Bucket = bucket;
        _prefix = prefix ?? string.Empty;
        _chunkSize = chunkSize;
        // Only plain JSON is JSON: MessagePack and anything compressed (.bin) carries the binary format header.
        _contentType = Serializer.FileExtension == ".json" ? "application/json" : "application/octet-stream";
    }

    /// <summary>The bucket written to.</summary>
    public string Bucket { get; }

    /// <inheritdoc />
    public override ResultHandlerDescriptor Descriptor { get; }

    /// <inheritdoc />
    /// <remarks>
    /// A new object named <c>{prefix}{random}{extension}</c> (the serializer's: <c>.json</c>, <c>.msgpack</c>, <c>.bin</c>
    /// for compressed JSON); the upload never replaces an existing object.
    /// </remarks>
    protected override Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        // IfGenerationMatch = 0: the upload succeeds only where no object exists yet.
        UploadAsync(new GcsObjectUri(Bucket, $"{_prefix}{Guid.NewGuid():N}{Serializer.FileExtension}"), data, mustBeNew: true, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// At the key's object name, <c>{prefix}yyyy/MM/dd/flow/run/task/attempt-N[-nonce]{extension}</c>, so an operator lists
    /// one run's results by prefix. Writing a key again replaces its object (the same attempt's output).
    /// </remarks>
    protected override Task<string> WriteBytesAsync(ReadOnlyMemory<byte> data, ResultKey key, CancellationToken cancellationToken) =>
        UploadAsync(KeyedObject(key), data, mustBeNew: false, cancellationToken);

    /// <inheritdoc />
    protected override string LocationOfKey(ResultKey key) => KeyedObject(key).ToString();

    /// <inheritdoc />
    protected override async Task<byte[]> ReadBytesAsync(string location, CancellationToken cancellationToken)
    {
        var target = Resolve(location);
        using var buffer = new MemoryStream();
        await CallAsync(
                GcsOperation.Read,
                target,
                () => _client.DownloadObjectAsync(target.Bucket, target.Name, buffer, options: null, cancellationToken),
                cancellationToken)
            .ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <inheritdoc />
    protected override Task DeleteBytesAsync(string location, CancellationToken cancellationToken)
    {
        var target = Resolve(location);
        return CallAsync(
            GcsOperation.Delete,
            target,
            () => _client.DeleteObjectAsync(target.Bucket, target.Name, options: null, cancellationToken),
            cancellationToken);
    }

    private GcsObjectUri KeyedObject(ResultKey key) => new(Bucket, $"{_prefix}{key.ToRelativePath()}{Serializer.FileExtension}");

    private async Task<string> UploadAsync(GcsObjectUri target, ReadOnlyMemory<byte> data, bool mustBeNew, CancellationToken cancellationToken)
    {
        var options = new UploadObjectOptions { ChunkSize = _chunkSize, IfGenerationMatch = mustBeNew ? 0 : null };
        using var content = AsStream(data);
        await CallAsync(
                GcsOperation.Write,
                target,
                () => _client.UploadObjectAsync(target.Bucket, target.Name, _contentType, content, options, cancellationToken),
                cancellationToken)
            .ConfigureAwait(false);
        return target.ToString();
    }

    // The serializer's bytes are an array: read them in place rather than copying a large value.
    private static MemoryStream AsStream(ReadOnlyMemory<byte> data) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);

    private GcsObjectUri Resolve(string location) =>
        GcsObjectUri.TryParse(location)
        ?? throw new ArgumentException(
            $"Handler {Descriptor} was given '{location}', which is not a gs://bucket/object-name URI.", nameof(location));
}
