using Tributary.Testing;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Handlers.AzureBlob;
using Tributary.Handlers.AzureBlob.Hosting;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobResultHandlerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan OutageTimeout = TimeSpan.FromSeconds(30);
    private readonly string _container = $"specifics-{Guid.NewGuid():N}";

    [Fact]
    public async Task StoreSafeValueAsync_Value_SafeValueIsBlobUriWithoutKeyOrSas()
    {
        var handler = new AzureBlobResultHandler(new BlobServiceClient(azurite.ConnectionString), _container);

        var safe = (SafeResult)await Result.Create("secret-free", handler).StoreSafeValueAsync();

        var uri = new Uri(JsonNode.Parse(safe.Json)!.GetValue<string>());
        Assert.Equal(azurite.Server.BlobPort, uri.Port);
        Assert.StartsWith($"/{AzuriteServer.AccountName}/{_container}/", uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(uri.Query); // no SAS
        foreach (var secret in new[] { AzuriteServer.AccountKey, AzuriteServer.AccountKey[..20], "AccountKey", "sig=" })
        {
            Assert.DoesNotContain(secret, safe.Json, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, safe.Handler.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReadAsync_DeletedBlob_ThrowsNotFoundNamingUri()
    {
        var handler = new AzureBlobResultHandler(new BlobServiceClient(azurite.ConnectionString), _container);
        var location = await handler.WriteAsync("v", typeof(string));
        var uri = location!.GetValue<string>();
        await new BlobClient(new Uri(uri), AzuriteCredential.Key).DeleteAsync();

        var error = await Assert.ThrowsAsync<ResultLocationNotFoundException>(() => handler.ReadAsync(location, typeof(string)));

        Assert.Contains(uri, error.Message, StringComparison.Ordinal);
        Assert.Contains(ResultHandlers.AzureBlobKind, error.Message, StringComparison.Ordinal);
        Assert.IsType<RequestFailedException>(error.InnerException);
    }

    [Theory]
    [InlineData("https://otheraccount.blob.core.windows.net/results/x.json")]
    [InlineData("http://127.0.0.1:{port}/otheraccount/results/x.json")]
    [InlineData("http://127.0.0.2:{port}/devstoreaccount1/results/x.json")]
    [InlineData("http://127.0.0.1:1/devstoreaccount1/results/x.json")]
    [InlineData("not a uri")]
    public async Task ReadAsync_UriOfAnotherAccount_IsRefused(string template)
    {
        var handler = new AzureBlobResultHandler(new BlobServiceClient(azurite.ConnectionString), _container);
        var location = template.Replace("{port}", azurite.Server.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => handler.ReadAsync(JsonValue.Create(location), typeof(string)));

        Assert.Contains(location, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToResultAsync_DescriptorFromAnotherHost_ReadsWithOwnCatalog()
    {
        var writerHost = Host(options => options.BlobPrefix = "writer/");
        var readerHost = Host(_ => { });
        var writer = writerHost.GetHandler(ResultHandlers.AzureBlob(_container));
        var stored = (SafeResult)await Result.Create(ConformanceSamples.SampleOrder("remote"), writer).StoreSafeValueAsync();

        // What reached the other machine: text only.
        var received = new SafeResult(stored.Json, stored.Handler, stored.ValueTypeName);
        var back = await received.ToResultAsync(readerHost);

        Assert.Equal(ConformanceSamples.SampleOrder("remote"), back.Value);
        Assert.NotSame(writer, readerHost.GetHandler(stored.Handler));
    }

    [Fact]
    public async Task WriteAsync_StorageDown_FailsWithinTimeout()
    {
        using var closedPort = new ClosedPort();
        var handler = new AzureBlobResultHandler(
            new BlobServiceClient(ConnectionStringFor(closedPort.Port), FastFailing()), _container);

        var error = await Record.ExceptionAsync(() => handler.WriteAsync("v", typeof(string)).WaitAsync(OutageTimeout));

        AssertStorageFailure(error);
    }

    [Fact]
    public async Task WriteAsync_StorageDownViaHostOptions_FailsWithinTimeout()
    {
        using var closedPort = new ClosedPort();
        var handler = new ServiceCollection()
            .AddAzureBlobResultHandler(options =>
            {
                options.ConnectionString = ConnectionStringFor(closedPort.Port);
                options.ClientOptions = FastFailing();
            })
            .BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>()
            .GetHandler(ResultHandlers.AzureBlob(_container));

        var error = await Record.ExceptionAsync(() => handler.WriteAsync("v", typeof(string)).WaitAsync(OutageTimeout));

        AssertStorageFailure(error);
    }

    // Guards a fixed bug: a failed container creation was remembered, so the first write after storage came back failed too.
    [Fact]
    public async Task WriteAsync_StorageBackAfterOutage_FirstWriteSucceeds()
    {
        await using var forwarder = new TcpForwarder(azurite.Server.BlobPort);
        var handler = new AzureBlobResultHandler(
            new BlobServiceClient(ConnectionStringFor(forwarder.Port), FastFailing()), _container);
        AssertStorageFailure(await Record.ExceptionAsync(() => handler.WriteAsync("v", typeof(string)).WaitAsync(OutageTimeout)));

        forwarder.Start();
        var location = await handler.WriteAsync("after outage", typeof(string)).WaitAsync(OutageTimeout);

        Assert.Equal("after outage", await handler.ReadAsync(location, typeof(string)));
    }

    [Fact]
    public void GetHandler_NoConnectionStringConfigured_ThrowsNamingTheSetting()
    {
        var services = new ServiceCollection().AddAzureBlobResultHandler(_ => { }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IResultHandlerCatalog>().GetHandler(ResultHandlers.AzureBlob("results")));

        Assert.Single(error.Failures);
        Assert.Contains("Tributary:AzureBlob:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHandler_DescriptorWithoutContainer_ThrowsArgumentException()
    {
        var catalog = Host(_ => { });

        var error = Assert.Throws<ArgumentException>(() => catalog.GetHandler(new ResultHandlerDescriptor(ResultHandlers.AzureBlobKind)));

        Assert.Contains(ResultHandlers.ContainerSetting, error.Message, StringComparison.Ordinal);
    }

    private static BlobClientOptions FastFailing() => new()
    {
        Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(10), Mode = RetryMode.Fixed, NetworkTimeout = TimeSpan.FromSeconds(5) },
    };

    private static string ConnectionStringFor(int blobPort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AzuriteServer.AccountName};";

    private static void AssertStorageFailure(Exception? error)
    {
        Assert.NotNull(error);
        Assert.IsNotType<TimeoutException>(error);
        // Azure.Core gives an AggregateException of the attempts' RequestFailedExceptions once retries run out.
        var failures = error is AggregateException aggregate ? aggregate.InnerExceptions : [error];
        Assert.All(failures, failure => Assert.IsType<RequestFailedException>(failure));
    }

    private IResultHandlerCatalog Host(Action<AzureBlobResultHandlerOptions> configure) =>
        new ServiceCollection()
            .AddAzureBlobResultHandler(options =>
            {
                options.ConnectionString = azurite.ConnectionString;
                configure(options);
            })
            .BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>();
}
