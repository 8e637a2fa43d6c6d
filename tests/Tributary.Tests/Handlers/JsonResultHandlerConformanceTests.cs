using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Testing;

namespace Tributary.Tests.Handlers;

public sealed class JsonResultHandlerConformanceTests : ResultHandlerConformanceTests
{
    protected override IResultHandler Handler { get; } = new JsonResultHandler();

    protected override bool StoresDataElsewhere => false;

    protected override Task DeleteAsync(JsonNode? location) =>
        throw new NotSupportedException("The JSON handler stores nothing that could be deleted.");
}
