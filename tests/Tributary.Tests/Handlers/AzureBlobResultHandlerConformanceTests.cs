using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Handlers;
using Tributary.Handlers.AzureBlob;
using Tributary.Handlers.AzureBlob.Hosting;
using Tributary.Hosting;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>The Azure Blob handler as a host gets it: registered in DI, built by the catalog from its descriptor.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobResultHandlerConformanceTests : ResultHandlerConformanceTests
{
    private readonly AzuriteFixture _azurite;

    public AzureBlobResultHandlerConformanceTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        var descriptor = ResultHandlers.AzureBlob($"conformance-{Guid.NewGuid():N}");
        Handler = AzureBlobHosts.Catalog(azurite.Server).GetHandler(descriptor);
        // Another host: its own service provider with the same connection string.
        Catalog = AzureBlobHosts.Catalog(azurite.Server);
    }

    protected override IResultHandler Handler { get; }

    protected override IResultHandlerCatalog Catalog { get; }

    [Fact]
    public void Handler_FromCatalog_IsAzureBlobHandlerOfTheDescribedContainer()
    {
        var handler = Assert.IsType<AzureBlobResultHandler>(Handler);

        Assert.Equal(Handler.Descriptor.GetSetting(ResultHandlers.ContainerSetting), handler.Container);
    }

    protected override async Task DeleteAsync(JsonNode? location) =>
        await new BlobClient(new Uri(location!.GetValue<string>()), AzuriteCredential.Key).DeleteAsync();
}
