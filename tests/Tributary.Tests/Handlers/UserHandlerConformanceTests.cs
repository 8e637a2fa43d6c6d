using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Testing;
using KeyValueResultHandler = Tributary.Tests.Runs.UserHandlerTests.KeyValueResultHandler;

namespace Tributary.Tests.Handlers;

/// <summary>
/// A user's handler checked by the conformance kit (Tributary.Testing), exactly as the README's worked example shows:
/// the handler, a catalog that rebuilds it as another host would, and a way to make a location go missing.
/// </summary>
public sealed class UserHandlerConformanceTests : ResultHandlerConformanceTests
{
    protected override IResultHandler Handler { get; } = new KeyValueResultHandler();

    protected override IResultHandlerCatalog Catalog { get; } =
        new ResultHandlerCatalog().Register(KeyValueResultHandler.Kind, _ => new KeyValueResultHandler());

    protected override Task DeleteAsync(JsonNode? location)
    {
        KeyValueResultHandler.Store.TryRemove(location!["key"]!.GetValue<string>(), out _);
        return Task.CompletedTask;
    }
}
