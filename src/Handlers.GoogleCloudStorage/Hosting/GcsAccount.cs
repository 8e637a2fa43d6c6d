using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Options;
using Tributary.Handlers.GoogleCloudStorage.Options;
using Tributary.Serialization;

namespace Tributary.Handlers.GoogleCloudStorage.Hosting;

/// <summary>
/// The host's Cloud Storage client, made once from the validated <see cref="GcsResultHandlerOptions"/> (the client is
/// meant to be shared), and the handlers made from it for each descriptor.
/// </summary>
internal sealed class GcsAccount
{
    private readonly GcsResultHandlerOptions _options;
    private readonly Uri? _baseUri;
    private readonly IResultSerializer? _serializer;
    private readonly StorageClient _client;

    /// <exception cref="OptionsValidationException">The options cannot work; the message names the setting.</exception>
    public GcsAccount(IOptions<GcsResultHandlerOptions> options, IResultSerializer? serializer = null)
    {
        _options = options.Value;
        _serializer = serializer;
        _baseUri = _options.BaseUri is { } uri ? GcsResultHandlers.NormalizeBaseUri(uri) : null;
        _client = GcsClientFactory.Create(_options, _baseUri);
    }

    /// <summary>
    /// The handler of a descriptor, which names the bucket, the prefix, the endpoint and the format and codec written;
    /// the bucket, prefix and endpoint it does not name are this host's (<c>Tributary:Gcs:Bucket</c>, <c>Prefix</c>,
    /// <c>BaseUri</c>), and the handler's own descriptor names all three. A format or codec left unnamed is the host's
    /// serializer's.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The descriptor names an invalid bucket, another base URI than this host's (the host's credentials go to its
    /// own endpoint only), or a <c>format</c> or <c>codec</c> that is not known.
    /// </exception>
    public GcsResultHandler CreateHandler(ResultHandlerDescriptor descriptor)
    {
        var bucket = Setting(descriptor, GcsResultHandlers.BucketSetting) ?? _options.Bucket!;
        var prefix = Setting(descriptor, GcsResultHandlers.PrefixSetting) ?? _options.Prefix;
        var named = Setting(descriptor, GcsResultHandlers.BaseUriSetting);
        if (!SameEndpoint(named))
        {
            throw new ArgumentException(
                $"Descriptor {descriptor} names the endpoint {named}, but this host's "
                + $"{GcsResultHandlerOptions.SectionName}:{nameof(GcsResultHandlerOptions.BaseUri)} is {_baseUri?.ToString() ?? "not set (the public service)"}: "
                + "a host sends its credentials to its own endpoint only.",
                nameof(descriptor));
        }

        if (GcsResultHandlers.CheckBucketName(bucket) is { } problem)
        {
            throw new ArgumentException($"Descriptor {descriptor} names bucket '{bucket}', which is not a valid bucket name: {problem}", nameof(descriptor));
        }

        var format = ResultEncoding.FormatOf(descriptor);
        var codec = ResultEncoding.CodecOf(descriptor);
        return new GcsResultHandler(_client, bucket, prefix, _baseUri, _serializer, _options.ChunkSize, format, codec);
    }

    // A descriptor that names no endpoint uses the host's; one that names another is refused.
    private bool SameEndpoint(string? named)
    {
        if (named is null)
        {
            return true;
        }

        return _baseUri is not null
            && Uri.TryCreate(named, UriKind.Absolute, out var uri)
            && GcsResultHandlers.NormalizeBaseUri(uri) == _baseUri;
    }

    // Descriptor settings are case-sensitive, configuration keys are not (Settings__Bucket binds as "Bucket").
    private static string? Setting(ResultHandlerDescriptor descriptor, string key) =>
        descriptor.GetSetting(key)
        ?? descriptor.Settings.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
