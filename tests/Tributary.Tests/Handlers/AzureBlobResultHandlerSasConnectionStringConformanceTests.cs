using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Tributary.Handlers;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The Azure Blob handler registered with a SAS connection string (<c>BlobEndpoint=...;SharedAccessSignature=...</c>);
/// the other host reads its safe values with the account key.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobResultHandlerSasConnectionStringConformanceTests : ResultHandlerConformanceTests
{
    private readonly string? _sas;

    public AzureBlobResultHandlerSasConnectionStringConformanceTests(AzuriteFixture azurite)
    {
        var container = $"sas-conformance-{Guid.NewGuid():N}";
        Handler = AzureBlobHosts.Catalog(azurite.Server, AzureBlobCredentialForm.SasConnectionString, container, out _sas)
            .GetHandler(ResultHandlers.AzureBlob(container));
        Catalog = AzureBlobHosts.Catalog(azurite.Server, AzureBlobCredentialForm.AccountKey, container, out _);
    }

    protected override IResultHandler Handler { get; }

    protected override IResultHandlerCatalog Catalog { get; }

    [Fact]
    public async Task WriteAsync_SasConnectionString_LocationHoldsNoSignature()
    {
        var location = (await Handler.WriteAsync("v", typeof(string)))!.ToJsonString();

        Assert.All(AzuriteSas.SignatureForms(_sas!), signature => Assert.DoesNotContain(signature, location, StringComparison.Ordinal));
        Assert.DoesNotContain("?", location, StringComparison.Ordinal);
    }

    protected override async Task DeleteAsync(JsonNode? location) =>
        await new BlobClient(new Uri(location!.GetValue<string>()), AzuriteCredential.Key).DeleteAsync();
}
