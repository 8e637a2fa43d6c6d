using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Handlers;
using Tributary.Handlers.AzureBlob;
using Tributary.Hosting;
using Tributary.Options;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>The Azure Blob handler writes the format and codec its descriptor chooses, and lists one run's blobs for retention.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobResultHandlerFormatTests(AzuriteFixture azurite)
{
    private IResultHandlerCatalog Catalog() => AzureBlobHosts.Catalog(azurite.Server);

    [Fact]
    public async Task WriteAsync_MessagePackBrotli_BlobCarriesTheHeaderAndAPlainHostReadsIt()
    {
        var descriptor = ResultHandlers.AzureBlob($"format-{Guid.NewGuid():N}", ResultFormat.MessagePack, ResultCodec.Brotli);
        var writer = Catalog().GetHandler(descriptor);
        var value = new byte[256 * 1024];

        var location = await writer.WriteAsync(value, typeof(byte[]), ResultKey.For("flow", "run", "task", 1, TimeProvider.System));

        var uri = location!.GetValue<string>();
        Assert.EndsWith(".msgpack", uri, StringComparison.Ordinal);
        var stored = (await new BlobClient(new Uri(uri), AzuriteCredential.Key).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal([0xC1, (byte)'T', (byte)'R', (byte)'B', 1, (byte)ResultFormat.MessagePack, (byte)ResultCodec.Brotli], stored[..7]);
        Assert.True(stored.Length < value.Length / 100, $"{stored.Length} bytes stored for {value.Length}");

        // A host whose handler writes plain JSON (no choice in its descriptor) reads it: the bytes say how they were written.
        var plain = Catalog().GetHandler(ResultHandlers.AzureBlob(descriptor.GetSetting(ResultHandlers.ContainerSetting)!));
        Assert.Equal(value, await plain.ReadAsync(location, typeof(byte[])));
    }

    [Fact]
    public void GetHandler_UnknownFormat_FailsNamingTheSettingAndTheValue()
    {
        var descriptor = new ResultHandlerDescriptor(ResultHandlers.AzureBlobKind, [new("container", "bad-format"), new("format", "protobuf")]);

        var error = Assert.ThrowsAny<ArgumentException>(() => Catalog().GetHandler(descriptor));

        Assert.Contains("'format'", error.Message, StringComparison.Ordinal);
        Assert.Contains("protobuf", error.Message, StringComparison.Ordinal);
        Assert.Contains("msgpack", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredDefault_FormatAndCodecInAnyCase_WritesThemUnderTheirCanonicalNames()
    {
        var container = $"configured-{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Tributary:AzureBlob:ConnectionString"] = azurite.ConnectionString,
                ["Tributary:ResultHandler:Kind"] = ResultHandlers.AzureBlobKind,
                ["Tributary:ResultHandler:Settings:Container"] = container,
                ["Tributary:ResultHandler:Settings:Format"] = "MsgPack",
                ["Tributary:ResultHandler:Settings:CODEC"] = "gzip",
            })
            .Build();
        var options = configuration.GetSection(ResultHandlerOptions.SectionName).Get<ResultHandlerOptions>()!;
        var catalog = new ServiceCollection().AddResultHandlerCatalog().AddConfiguredResultHandlers(configuration).BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>();

        var descriptor = options.ToDescriptor();
        var handler = catalog.GetHandler(descriptor);
        var location = await handler.WriteAsync(new string('x', 10_000), typeof(string));

        Assert.Equal(ResultHandlers.AzureBlob(container, ResultFormat.MessagePack, ResultCodec.GZip), descriptor);
        Assert.Equal(descriptor, handler.Descriptor);
        var stored = (await new BlobClient(new Uri(location!.GetValue<string>()), AzuriteCredential.Key).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal((byte)ResultFormat.MessagePack, stored[5]);
        Assert.Equal((byte)ResultCodec.GZip, stored[6]);
    }

    [Fact]
    public void ConfiguredDefault_UnknownCodec_FailsNamingTheSection()
    {
        var options = new ResultHandlerOptions { Kind = ResultHandlers.AzureBlobKind, Settings = { ["container"] = "c", ["codec"] = "lz4" } };

        var error = Assert.ThrowsAny<ArgumentException>(options.ToDescriptor);

        Assert.Contains("Tributary:ResultHandler:Settings", error.Message, StringComparison.Ordinal);
        Assert.Contains("lz4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRunLocationsAsync_ContainerSasWithoutList_FailsSayingWhichPermission()
    {
        var container = $"nolist-{Guid.NewGuid():N}";
        await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container).CreateAsync();
        var sas = AzuriteSas.Container(container, BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write);
        var handler = new AzureBlobResultHandler(new BlobContainerClient(AzuriteSas.ContainerUri(azurite.Server, container, sas)));
        await handler.WriteAsync(1, typeof(int), ResultKey.For("flow", "run", "task", 1, TimeProvider.System));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => handler.ListRunLocationsAsync("flow", "run", DateOnly.FromDateTime(DateTime.UtcNow)));

        Assert.Contains("list permission", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRunLocationsAsync_ContainerNeverCreated_ListsNothing()
    {
        var handler = new AzureBlobResultHandler(new BlobServiceClient(azurite.ConnectionString), $"never-{Guid.NewGuid():N}");

        Assert.Empty(await handler.ListRunLocationsAsync("flow", "run", DateOnly.FromDateTime(DateTime.UtcNow)));
    }
}
