using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The Cloud Storage handler as a host gets it (registered in DI, built by the catalog from its descriptor), over HTTP
/// against the in-test server: the library's real requests, not the real service.
/// </summary>
[Collection(GcsCollection.Name)]
public sealed class GcsResultHandlerConformanceTests : ResultHandlerConformanceTests
{
    private readonly GcsTestServer _server;

    public GcsResultHandlerConformanceTests(GcsFixture gcs)
    {
        _server = gcs.Server;
        var bucket = _server.CreateBucket();
        Handler = GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket, "conformance/"));
        // Another host: its own service provider and client, configured for the same endpoint.
        Catalog = GcsHosts.Catalog(_server, bucket);
    }

    protected override IResultHandler Handler { get; }

    protected override IResultHandlerCatalog Catalog { get; }

    [Fact]
    public void Handler_FromCatalog_IsGcsHandlerOfTheDescribedBucket()
    {
        var handler = Assert.IsType<GcsResultHandler>(Handler);

        Assert.Equal(Handler.Descriptor.GetSetting(GcsResultHandlers.BucketSetting), handler.Bucket);
        Assert.Equal("conformance/", Handler.Descriptor.GetSetting(GcsResultHandlers.PrefixSetting));
    }

    protected override Task DeleteAsync(JsonNode? location)
    {
        var (bucket, name) = GcsHosts.Parse(location!.GetValue<string>());
        Assert.True(_server.Remove(bucket, name), $"No object {name} in {bucket} to remove.");
        return Task.CompletedTask;
    }
}
