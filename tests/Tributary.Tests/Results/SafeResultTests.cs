using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.Testing;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Results;

public sealed class SafeResultTests
{
    public static TheoryData<string> ValueCases => new(ValueCase.All.Keys);

    [Fact]
    public async Task ToResultAsync_DeserializedWithoutCatalog_ThrowsInvalidOperationAskingForCatalog()
    {
        using var directory = new TempDirectory();
        var stored = (SafeResult)await Result.Create("v", new LocalResultHandler(directory.Path)).StoreSafeValueAsync();
        var deserialized = new SafeResult(stored.Json, stored.Handler, stored.ValueTypeName);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => deserialized.ToResultAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => deserialized.ToResultAsync<string>());

        Assert.Contains(nameof(IResultHandlerCatalog), error.Message);
        Assert.Contains(LocalResultHandler.Kind, error.Message);
    }

    [Fact]
    public async Task ToResultAsync_DeserializedWithCatalog_ReadsOriginalValue()
    {
        using var directory = new TempDirectory();
        var stored = (SafeResult)await Result.Create("v", new LocalResultHandler(directory.Path)).StoreSafeValueAsync();
        var deserialized = new SafeResult(stored.Json, stored.Handler, stored.ValueTypeName);

        var back = await deserialized.ToResultAsync(new ResultHandlerCatalog());

        Assert.Equal("v", back.Value);
        Assert.Same(deserialized, back.SafeValue);
    }

    [Fact]
    public void Constructor_InvalidJson_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => new SafeResult("{not json", ResultHandlers.Json));

        Assert.Equal("json", error.ParamName);
    }

    [Fact]
    public async Task SafeValueAndStore_OnSafeResult_GiveItself()
    {
        var safe = new SafeResult("\"/x\"", ResultHandlers.Local("/tmp/x"));

        Assert.Same(safe, safe.SafeValue);
        Assert.Same(safe, await safe.StoreSafeValueAsync());
        Assert.Equal("/x", Assert.IsAssignableFrom<JsonNode>(safe.Value).GetValue<string>());
    }

    [Fact]
    public void Equals_SameParts_AreEqualWithEqualHashCodes()
    {
        var a = new SafeResult("{\"a\":1}", new ResultHandlerDescriptor("k", [new("s", "1")]), "System.Int32, System.Private.CoreLib");
        var b = new SafeResult("{\"a\":1}", new ResultHandlerDescriptor("k", [new("s", "1")]), "System.Int32, System.Private.CoreLib");

        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_AnyPartDiffers_AreNotEqual()
    {
        var descriptor = new ResultHandlerDescriptor("k", [new("s", "1")]);
        var a = new SafeResult("1", descriptor, "T");

        Assert.NotEqual(a, new SafeResult("2", descriptor, "T"));
        Assert.NotEqual(a, new SafeResult("1", new ResultHandlerDescriptor("k", [new("s", "2")]), "T"));
        Assert.NotEqual(a, new SafeResult("1", new ResultHandlerDescriptor("other", [new("s", "1")]), "T"));
        Assert.NotEqual(a, new SafeResult("1", descriptor, "U"));
        Assert.NotEqual(a, new SafeResult("1", descriptor));
        Assert.False(a.Equals(NoResult.Instance));
    }

    [Theory]
    [MemberData(nameof(ValueCases))]
    public async Task ValueTypeName_StoredValue_RoundTripsTheDeclaredType(string name)
    {
        var (value, type) = ValueCase.All[name];
        var stored = (SafeResult)await new Result(value, type, new JsonResultHandler()).StoreSafeValueAsync();
        var deserialized = new SafeResult(stored.Json, stored.Handler, stored.ValueTypeName);

        var back = Assert.IsType<Result>(await deserialized.ToResultAsync(new ResultHandlerCatalog()));

        Assert.Equal(TypeNames.Of(type), stored.ValueTypeName);
        Assert.DoesNotContain("Version=", stored.ValueTypeName);
        Assert.Equal(type, back.ValueType);
        Assert.Equal(value, back.Value);
        if (value is not null)
        {
            // A boxed int? is a boxed int.
            Assert.IsType(Nullable.GetUnderlyingType(type) ?? type, back.Value);
        }
    }
}
