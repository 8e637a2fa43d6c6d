using System.Text.Json.Nodes;
using Tributary.Testing;
using Tributary.Handlers;
using Tributary.Serialization;
using Tributary.Tests.Handlers;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Serialization;

/// <summary>The handler contract, kept by the local handler writing MessagePack compressed with Brotli.</summary>
public sealed class LocalResultHandlerMessagePackConformanceTests : ResultHandlerConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    public LocalResultHandlerMessagePackConformanceTests() =>
        Handler = new LocalResultHandler(_directory.Path, serializer: null, ResultFormat.MessagePack, ResultCodec.Brotli);

    protected override IResultHandler Handler { get; }

    public void Dispose() => _directory.Dispose();

    protected override Task DeleteAsync(JsonNode? location)
    {
        File.Delete(location!.GetValue<string>());
        return Task.CompletedTask;
    }
}
