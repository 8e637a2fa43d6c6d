using Tributary.Testing;
using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>What storing a result does when a handler's write output is not JSON.</summary>
public sealed class ResultHandlerContractTests
{
    public static TheoryData<string, string> NotJsonOutputs => new()
    {
        { "record", "$" },
        { "NaN", "$" },
        { "infinity", "$" },
        { "nested NaN", "$.size" },
        { "record in array", "$[1]" },
    };

    [Theory]
    [MemberData(nameof(NotJsonOutputs))]
    public async Task StoreSafeValueAsync_HandlerReturnsNotJson_ThrowsContractExceptionNamingHandlerAndPath(string output, string path)
    {
        var handler = new FixedOutputResultHandler("sloppy-kind", () => Output(output));
        var result = new Result("v", typeof(string), handler);

        var error = await Assert.ThrowsAsync<ResultHandlerContractException>(() => result.StoreSafeValueAsync());

        Assert.Contains("sloppy-kind", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{path}'", error.Message, StringComparison.Ordinal);
        Assert.Same(NoResult.Instance, result.SafeValue);
    }

    [Fact]
    public async Task StoreSafeValueAsync_HandlerReturnsJsonOfEveryKind_Accepts()
    {
        var handler = new FixedOutputResultHandler("tidy-kind", () => new JsonObject
        {
            ["uri"] = "https://example.invalid/x",
            ["size"] = 12,
            ["ratio"] = 0.5,
            ["big"] = 12345678901234L,
            ["price"] = 1.25m,
            ["ok"] = true,
            ["none"] = null,
            ["parts"] = new JsonArray(1, "two", JsonNode.Parse("{\"three\":3}")),
        });

        var safe = (SafeResult)await new Result("v", typeof(string), handler).StoreSafeValueAsync();

        Assert.Equal(
            """{"uri":"https://example.invalid/x","size":12,"ratio":0.5,"big":12345678901234,"price":1.25,"ok":true,"none":null,"parts":[1,"two",{"three":3}]}""",
            safe.Json);
    }

    [Fact]
    public async Task StoreSafeValueAsync_HandlerReturnsNull_StoresJsonNull()
    {
        var handler = new FixedOutputResultHandler("null-kind", () => null);

        var safe = (SafeResult)await new Result("v", typeof(string), handler).StoreSafeValueAsync();

        Assert.Equal("null", safe.Json);
    }

    private static JsonNode? Output(string name) => name switch
    {
        "record" => JsonValue.Create(new ConformanceSamples.Point(1, 2)),
        "NaN" => JsonValue.Create(double.NaN),
        "infinity" => JsonValue.Create(float.PositiveInfinity),
        "nested NaN" => new JsonObject { ["uri"] = "https://example.invalid/x", ["size"] = double.NaN },
        "record in array" => new JsonArray("ok", JsonValue.Create(new ConformanceSamples.Point(1, 2))),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
