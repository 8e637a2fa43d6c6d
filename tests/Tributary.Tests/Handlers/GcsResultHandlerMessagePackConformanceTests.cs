using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The handler contract, kept by the Cloud Storage handler writing MessagePack compressed with Brotli (its descriptor's
/// <c>format</c> and <c>codec</c>), built by a host's catalog and read back by another host's, over HTTP against the
/// in-test server.
/// </summary>
[Collection(GcsCollection.Name)]
public sealed class GcsResultHandlerMessagePackConformanceTests : ResultHandlerConformanceTests
{
    private readonly GcsTestServer _server;

    public GcsResultHandlerMessagePackConformanceTests(GcsFixture gcs)
    {
        _server = gcs.Server;
        var bucket = _server.CreateBucket();
        var descriptor = GcsHosts.Descriptor(_server, bucket, "msgpack/", ResultFormat.MessagePack, ResultCodec.Brotli);
        Handler = GcsHosts.Catalog(_server, bucket).GetHandler(descriptor);
        // Another host, configured for the same endpoint: it rebuilds the handler, format and codec included, from the descriptor.
        Catalog = GcsHosts.Catalog(_server, bucket);
    }

    protected override IResultHandler Handler { get; }

    protected override IResultHandlerCatalog Catalog { get; }

    [Fact]
    public void Handler_FromCatalog_WritesWhatItsDescriptorChooses()
    {
        var handler = Assert.IsType<GcsResultHandler>(Handler);

        Assert.Equal("msgpack", handler.Descriptor.GetSetting(ResultEncoding.FormatSetting));
        Assert.Equal("brotli", handler.Descriptor.GetSetting(ResultEncoding.CodecSetting));
        var framed = Assert.IsType<FramedResultSerializer>(handler.Serializer);
        Assert.Equal((ResultFormat.MessagePack, ResultCodec.Brotli), (framed.Format, framed.Codec));
        Assert.EndsWith(".msgpack", handler.LocationOf(ResultKey.OfAttempt("f", "r", "t", 1, DateTimeOffset.UnixEpoch))!.GetValue<string>(), StringComparison.Ordinal);
    }

    protected override Task DeleteAsync(JsonNode? location)
    {
        var (bucket, name) = GcsHosts.Parse(location!.GetValue<string>());
        Assert.True(_server.Remove(bucket, name), $"No object {name} in {bucket} to remove.");
        return Task.CompletedTask;
    }
}
