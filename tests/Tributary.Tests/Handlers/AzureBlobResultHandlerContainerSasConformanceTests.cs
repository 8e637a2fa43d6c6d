using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Tributary.Handlers;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The Azure Blob handler registered with a SAS container URI (<c>ContainerUri</c>, a container SAS that cannot create
/// its container, so the container exists beforehand); the other host reads its safe values with a SAS connection string.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobResultHandlerContainerSasConformanceTests : ResultHandlerConformanceTests, IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly string _container = $"container-sas-conformance-{Guid.NewGuid():N}";
    private readonly string? _sas;

    public AzureBlobResultHandlerContainerSasConformanceTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        Handler = AzureBlobHosts.Catalog(azurite.Server, AzureBlobCredentialForm.SasContainerUri, _container, out _sas)
            .GetHandler(ResultHandlers.AzureBlob(_container));
        Catalog = AzureBlobHosts.Catalog(azurite.Server, AzureBlobCredentialForm.SasConnectionString, _container, out _);
    }

    protected override IResultHandler Handler { get; }

    protected override IResultHandlerCatalog Catalog { get; }

    public Task InitializeAsync() => AzureBlobHosts.CreateContainerAsync(_azurite.Server, _container);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WriteAsync_SasContainerUri_LocationHoldsNoSignature()
    {
        var location = (await Handler.WriteAsync("v", typeof(string)))!.ToJsonString();

        Assert.All(AzuriteSas.SignatureForms(_sas!), signature => Assert.DoesNotContain(signature, location, StringComparison.Ordinal));
        Assert.DoesNotContain("?", location, StringComparison.Ordinal);
    }

    protected override async Task DeleteAsync(JsonNode? location) =>
        await new BlobClient(new Uri(location!.GetValue<string>()), AzuriteCredential.Key).DeleteAsync();
}
