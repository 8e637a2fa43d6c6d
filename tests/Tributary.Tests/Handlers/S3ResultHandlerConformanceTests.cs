using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Handlers.S3;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>The S3 handler as a host gets it: registered in DI, built by the catalog from its descriptor, on s3rver.</summary>
[Collection(S3rverCollection.Name)]
public sealed class S3ResultHandlerConformanceTests : ResultHandlerConformanceTests
{
    private readonly S3rverFixture _s3;

    public S3ResultHandlerConformanceTests(S3rverFixture s3)
    {
        _s3 = s3;
        var prefix = $"conformance-{Guid.NewGuid():N}/";
        Handler = S3Hosts.Catalog(s3.Server, s3.Bucket, prefix).GetHandler(S3ResultHandler.DescriptorFor(s3.Bucket));
        // Another host: its own service provider and client, configured for the same store (its own prefix is irrelevant to reads).
        Catalog = S3Hosts.Catalog(s3.Server, s3.Bucket, "elsewhere/");
    }

    protected override IResultHandler Handler { get; }

    protected override IResultHandlerCatalog Catalog { get; }

    [Fact]
    public void Handler_FromCatalog_IsS3HandlerOfTheDescribedBucket()
    {
        var handler = Assert.IsType<S3ResultHandler>(Handler);

        Assert.Equal(_s3.Bucket, handler.Bucket);
        Assert.Equal(_s3.Server.ServiceUrl, handler.Endpoint);
        Assert.Equal(new ResultHandlerDescriptor("s3", [new("bucket", _s3.Bucket)]), Handler.Descriptor);
        // So the kit's listing cases run (they skip a handler that does not list).
        Assert.IsAssignableFrom<IResultLocationLister>(handler);
    }

    protected override Task DeleteAsync(JsonNode? location) => _s3.Client.DeleteObjectAsync(_s3.Bucket, _s3.KeyOf(location));
}
