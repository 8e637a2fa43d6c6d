using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Testing;
using Tributary.Handlers;
using Tributary.Handlers.Encryption;
using Tributary.Hosting;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The encrypting handler around the Azure Blob one, as a host configures both (<c>Tributary:AzureBlob</c>,
/// <c>Tributary:Encryption</c>): it keeps the handler contract, and re-encryption rewrites a blob in place.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EncryptedAzureBlobTests : ResultHandlerConformanceTests
{
    private readonly AzuriteFixture _azurite;
    private readonly EncryptionTestKeys _keys = new();
    private readonly ResultHandlerDescriptor _descriptor = ResultHandlers.Encrypted(ResultHandlers.AzureBlob($"encrypted-{Guid.NewGuid():N}"));

    public EncryptedAzureBlobTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        Handler = BuildCatalog("k1", "k1").GetHandler(_descriptor);
        Catalog = BuildCatalog("k1", "k1");
    }

    protected override IResultHandler Handler { get; }

    protected override IResultHandlerCatalog Catalog { get; }

    [Fact]
    public async Task Reencrypt_BlobUnderK1_RewrittenInPlaceUnderK2AndReadsWithK2Alone()
    {
        var location = await Handler.WriteAsync("blob secret", typeof(string));
        var rotated = (EncryptedResultHandler)BuildCatalog("k2", "k1", "k2").GetHandler(_descriptor);

        var done = await rotated.ReencryptAsync(location);
        var blob = await Blob(location).DownloadContentAsync();

        Assert.Equal((ReencryptionOutcome.Reencrypted, "k1", "k2"), (done.Outcome, done.FromKeyId, done.ToKeyId));
        Assert.Equal(LocationText(location), done.Location);
        Assert.Equal("k2", JsonNode.Parse(blob.Value.Content.ToString())!["KeyId"]!.GetValue<string>());
        Assert.DoesNotContain("blob secret", blob.Value.Content.ToString());
        Assert.Equal("blob secret", await BuildCatalog("k2", "k2").GetHandler(_descriptor).ReadAsync(location, typeof(string)));
    }

    [Fact]
    public async Task Reencrypt_BlobDeleted_ThrowsNotFoundAndDoesNotRecreateIt()
    {
        var location = await Handler.WriteAsync("soon gone", typeof(string));
        var inner = (IRewritableResultHandler)((EncryptedResultHandler)Handler).Inner;
        await DeleteAsync(location);

        await Assert.ThrowsAsync<ResultLocationNotFoundException>(
            () => inner.RewriteAsync(location!["inner"]!.DeepClone(), "anything", typeof(string)));

        Assert.False((await Blob(location).ExistsAsync()).Value);
    }

    protected override async Task DeleteAsync(JsonNode? location) => await Blob(location).DeleteAsync();

    protected override string LocationText(JsonNode? location) => location!["inner"]!.GetValue<string>();

    private BlobClient Blob(JsonNode? location) => new(new Uri(LocationText(location)), AzuriteCredential.Key);

    private IResultHandlerCatalog BuildCatalog(string active, params string[] keyIds)
    {
        var settings = _keys.Configuration(active, keyIds);
        settings["Tributary:AzureBlob:ConnectionString"] = _azurite.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddConfiguredResultHandlers(configuration)
            .BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>();
    }
}
