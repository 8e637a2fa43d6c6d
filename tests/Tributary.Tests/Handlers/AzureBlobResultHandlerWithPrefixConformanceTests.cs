using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Handlers;
using Tributary.Handlers.AzureBlob;
using Tributary.Handlers.AzureBlob.Hosting;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>The Azure Blob handler built directly, with a blob-name prefix (blobs in a virtual folder).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobResultHandlerWithPrefixConformanceTests(AzuriteFixture azurite) : ResultHandlerConformanceTests
{
    protected override IResultHandler Handler { get; } = new AzureBlobResultHandler(
        new BlobServiceClient(azurite.ConnectionString),
        $"prefixed-{Guid.NewGuid():N}",
        new AzureBlobResultHandlerOptions { ConnectionString = azurite.ConnectionString, BlobPrefix = "results/2026/" });

    protected override IResultHandlerCatalog Catalog { get; } = new ServiceCollection()
        .AddAzureBlobResultHandler(options => options.ConnectionString = azurite.ConnectionString)
        .BuildServiceProvider()
        .GetRequiredService<IResultHandlerCatalog>();

    [Fact]
    public async Task WriteAsync_WithPrefix_BlobNameStartsWithPrefix()
    {
        var location = await Handler.WriteAsync(1, typeof(int));

        var blob = new BlobUriBuilder(new Uri(location!.GetValue<string>()));
        Assert.StartsWith("results/2026/", blob.BlobName, StringComparison.Ordinal);
    }

    protected override async Task DeleteAsync(JsonNode? location) =>
        await new BlobClient(new Uri(location!.GetValue<string>()), AzuriteCredential.Key).DeleteAsync();
}
