using System.Text.Json.Nodes;
using Tributary.Testing;
using Tributary.Handlers;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>The encrypting handler around the local one keeps every handler's contract.</summary>
public sealed class EncryptedResultHandlerConformanceTests : ResultHandlerConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly EncryptionTestKeys _keys = new();

    public EncryptedResultHandlerConformanceTests()
    {
        Handler = _keys.Local(_directory.Path, "k1", "k1");
        Catalog = _keys.Catalog("k1", "k1");
    }

    protected override IResultHandler Handler { get; }

    protected override IResultHandlerCatalog Catalog { get; }

    public void Dispose() => _directory.Dispose();

    protected override Task DeleteAsync(JsonNode? location)
    {
        File.Delete(LocationText(location));
        return Task.CompletedTask;
    }

    // The not-found error names the file, the inner handler's location.
    protected override string LocationText(JsonNode? location) => location!["inner"]!.GetValue<string>();
}
