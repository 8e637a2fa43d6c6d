using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Handlers;
using Tributary.Handlers.AzureBlob.Hosting;
using Tributary.Hosting;
using Tributary.Serialization;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>The handler contract, kept by the Azure Blob handler writing MessagePack compressed with Brotli, as a host builds it from its descriptor.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobResultHandlerMessagePackConformanceTests : ResultHandlerConformanceTests
{
    public AzureBlobResultHandlerMessagePackConformanceTests(AzuriteFixture azurite)
    {
        var descriptor = ResultHandlers.AzureBlob($"msgpack-{Guid.NewGuid():N}", ResultFormat.MessagePack, ResultCodec.Brotli);
        Handler = AzureBlobHosts.Catalog(azurite.Server).GetHandler(descriptor);
        Catalog = AzureBlobHosts.Catalog(azurite.Server);
    }

    protected override IResultHandler Handler { get; }

    protected override IResultHandlerCatalog Catalog { get; }

    protected override async Task DeleteAsync(JsonNode? location) =>
        await new BlobClient(new Uri(location!.GetValue<string>()), AzuriteCredential.Key).DeleteAsync();
}
