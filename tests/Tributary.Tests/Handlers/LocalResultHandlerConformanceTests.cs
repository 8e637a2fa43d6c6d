using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

public sealed class LocalResultHandlerConformanceTests : ResultHandlerConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    public LocalResultHandlerConformanceTests() => Handler = new LocalResultHandler(_directory.Path);

    protected override IResultHandler Handler { get; }

    public void Dispose() => _directory.Dispose();

    protected override Task DeleteAsync(JsonNode? location)
    {
        File.Delete(location!.GetValue<string>());
        return Task.CompletedTask;
    }
}
