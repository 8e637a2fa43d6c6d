using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Handlers;
using Tributary.Hosting;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

public sealed class ResultHandlerCatalogTests
{
    [Fact]
    public void GetHandler_UnknownKind_ThrowsNamingKindAndKnownKinds()
    {
        var catalog = new ResultHandlerCatalog();

        var error = Assert.Throws<UnknownResultHandlerException>(() => catalog.GetHandler(new ResultHandlerDescriptor("s3")));

        Assert.Equal("s3", error.Kind);
        Assert.Contains("'s3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("json, local", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHandler_UnknownKindInDi_ListsRegisteredKinds()
    {
        var catalog = new ServiceCollection()
            .AddResultHandler("my-kind", (_, _) => new CountingResultHandlerOfKind("my-kind"))
            .BuildServiceProvider()
            .GetRequiredService<IResultHandlerCatalog>();

        var error = Assert.Throws<UnknownResultHandlerException>(() => catalog.GetHandler(new ResultHandlerDescriptor("azure-blob")));

        Assert.Contains("json, local, my-kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHandler_UsersOwnKindRegisteredInDi_ResolvesWithHostServices()
    {
        var services = new ServiceCollection()
            .AddSingleton(new Marker("host-service"))
            .AddResultHandler("my-kind", (provider, descriptor) =>
                new CountingResultHandlerOfKind("my-kind", provider.GetRequiredService<Marker>().Name + "/" + descriptor.GetSetting("bucket")));
        var catalog = services.BuildServiceProvider().GetRequiredService<IResultHandlerCatalog>();

        var handler = Assert.IsType<CountingResultHandlerOfKind>(
            catalog.GetHandler(new ResultHandlerDescriptor("my-kind", [new("bucket", "b1")])));
        var location = await handler.WriteAsync(5, typeof(int));

        Assert.Equal("host-service/b1", handler.Tag);
        Assert.Equal(5, await handler.ReadAsync(location, typeof(int)));
        Assert.True(catalog.IsRegistered("my-kind"));
        Assert.False(catalog.IsRegistered("other"));
    }

    [Fact]
    public void GetHandler_SameDescriptor_GivesSameInstance()
    {
        var catalog = new ResultHandlerCatalog().Register("my-kind", _ => new CountingResultHandlerOfKind("my-kind"));
        var a = new ResultHandlerDescriptor("my-kind", [new("x", "1"), new("y", "2")]);
        var b = new ResultHandlerDescriptor("my-kind", [new("y", "2"), new("x", "1")]); // equal: order of settings does not matter

        Assert.Same(catalog.GetHandler(a), catalog.GetHandler(b));
        Assert.NotSame(catalog.GetHandler(a), catalog.GetHandler(new ResultHandlerDescriptor("my-kind", [new("x", "1")])));
        Assert.Same(catalog.GetHandler(ResultHandlers.Json), catalog.GetHandler(new ResultHandlerDescriptor("json")));
    }

    [Fact]
    public void GetHandler_SameDescriptorConcurrently_GivesOneInstance()
    {
        var catalog = new ResultHandlerCatalog().Register("my-kind", _ => new CountingResultHandlerOfKind("my-kind"));

        var handlers = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => catalog.GetHandler(new ResultHandlerDescriptor("my-kind"))).ToArray();

        Assert.All(handlers, h => Assert.Same(handlers[0], h));
    }

    [Fact]
    public void Register_ReplacedKind_BuildsNewHandlers()
    {
        var catalog = new ResultHandlerCatalog().Register("my-kind", _ => new CountingResultHandlerOfKind("my-kind", "first"));
        var descriptor = new ResultHandlerDescriptor("my-kind");
        var before = catalog.GetHandler(descriptor);

        catalog.Register("my-kind", _ => new CountingResultHandlerOfKind("my-kind", "second"));

        Assert.Equal("first", Assert.IsType<CountingResultHandlerOfKind>(before).Tag);
        Assert.Equal("second", Assert.IsType<CountingResultHandlerOfKind>(catalog.GetHandler(descriptor)).Tag);
    }

    [Fact]
    public void GetHandler_FactoryBuildsAnotherKind_ThrowsContractException()
    {
        var catalog = new ResultHandlerCatalog().Register("my-kind", _ => new CountingResultHandlerOfKind("not-my-kind"));

        var error = Assert.Throws<ResultHandlerContractException>(() => catalog.GetHandler(new ResultHandlerDescriptor("my-kind")));

        Assert.Contains("'my-kind'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'not-my-kind'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddResultHandlerCatalog_CalledTwice_RegistersOneCatalog()
    {
        var provider = new ServiceCollection().AddResultHandlerCatalog().AddResultHandlerCatalog().BuildServiceProvider();

        Assert.Single(provider.GetServices<IResultHandlerCatalog>());
    }

    [Fact]
    public void Descriptor_EmptyKind_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new ResultHandlerDescriptor(" "));
        Assert.ThrowsAny<ArgumentException>(() => new ServiceCollection().AddResultHandler("", (_, _) => new JsonResultHandler()));
    }

    private sealed record Marker(string Name);

    /// <summary>A user's own handler kind: stores values in memory, returns opaque keys.</summary>
    private sealed class CountingResultHandlerOfKind(string kind, string tag = "") : IResultHandler
    {
        private readonly CountingResultHandler _inner = new();

        public string Tag => tag;

        public ResultHandlerDescriptor Descriptor { get; } = new(kind);

        public Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default) =>
            _inner.WriteAsync(value, valueType, cancellationToken);

        public Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(location, valueType, cancellationToken);
    }
}
