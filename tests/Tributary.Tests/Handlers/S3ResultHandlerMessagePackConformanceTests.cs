using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Handlers.S3;
using Tributary.Serialization;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The handler contract, kept by the S3 handler writing MessagePack compressed with Brotli, as a host builds it from a
/// descriptor that chooses them; read back on another host whose catalog rebuilds it from that descriptor.
/// </summary>
[Collection(S3rverCollection.Name)]
public sealed class S3ResultHandlerMessagePackConformanceTests : ResultHandlerConformanceTests
{
    private readonly S3rverFixture _s3;

    public S3ResultHandlerMessagePackConformanceTests(S3rverFixture s3)
    {
        _s3 = s3;
        var prefix = $"conformance-msgpack-{Guid.NewGuid():N}/";
        Handler = S3Hosts.Catalog(s3.Server, s3.Bucket, prefix)
            .GetHandler(S3ResultHandler.DescriptorFor(s3.Bucket, ResultFormat.MessagePack, ResultCodec.Brotli));
        Catalog = S3Hosts.Catalog(s3.Server, s3.Bucket, "elsewhere/");
    }

    protected override IResultHandler Handler { get; }

    protected override IResultHandlerCatalog Catalog { get; }

    [Fact]
    public void Handler_FromCatalog_RecordsBucketFormatAndCodecAndWritesMessagePackObjects()
    {
        var handler = Assert.IsType<S3ResultHandler>(Handler);

        Assert.Equal(
            new ResultHandlerDescriptor("s3", [new("bucket", _s3.Bucket), new("format", "msgpack"), new("codec", "brotli")]),
            handler.Descriptor);
        Assert.Equal(".msgpack", handler.Serializer.FileExtension);
        Assert.IsAssignableFrom<IResultLocationLister>(handler);
    }

    protected override Task DeleteAsync(JsonNode? location) => _s3.Client.DeleteObjectAsync(_s3.Bucket, _s3.KeyOf(location));
}
