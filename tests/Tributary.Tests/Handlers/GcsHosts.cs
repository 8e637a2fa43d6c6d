using Microsoft.Extensions.DependencyInjection;
using Tributary.Handlers;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Handlers.GoogleCloudStorage.Hosting;
using Tributary.Handlers.GoogleCloudStorage.Options;
using Tributary.Hosting;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>Hosts (service providers) with the <c>gcs</c> kind registered against the in-test server.</summary>
internal static class GcsHosts
{
    /// <summary>A host's catalog: unauthenticated access to <paramref name="server"/>, plus whatever <paramref name="configure"/> sets.</summary>
    public static IResultHandlerCatalog Catalog(GcsTestServer server, string bucket, Action<GcsResultHandlerOptions>? configure = null) =>
        Catalog(server.BaseUri, bucket, configure);

    /// <summary>A host's catalog: unauthenticated access to the endpoint <paramref name="baseUri"/>, plus whatever <paramref name="configure"/> sets.</summary>
    public static IResultHandlerCatalog Catalog(Uri baseUri, string bucket, Action<GcsResultHandlerOptions>? configure = null) =>
        new ServiceCollection()
            .AddGcsResultHandler(options =>
            {
                options.Bucket = bucket;
                options.BaseUri = baseUri;
                options.UnauthenticatedAccess = true;
                configure?.Invoke(options);
            })
            .AddResultHandlerCatalog()
            .BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>();

    /// <summary>The descriptor of <paramref name="bucket"/> on <paramref name="server"/>, writing <paramref name="format"/> and <paramref name="codec"/> when set.</summary>
    public static ResultHandlerDescriptor Descriptor(
        GcsTestServer server, string bucket, string? prefix = null, ResultFormat? format = null, ResultCodec? codec = null) =>
        GcsResultHandlers.Bucket(bucket, prefix, server.BaseUri, format, codec);

    /// <summary>The bucket and object name of a <c>gs://</c> location.</summary>
    public static (string Bucket, string Name) Parse(string location)
    {
        Assert.StartsWith("gs://", location, StringComparison.Ordinal);
        var rest = location["gs://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return (rest[..slash], rest[(slash + 1)..]);
    }
}
