using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The contract every result handler keeps (see <see cref="IResultHandler"/>'s remarks). A handler, ours or a user's,
/// is checked by deriving a class that supplies <see cref="Handler"/> and, for handlers that store data elsewhere, a
/// way to make a location go missing.
/// </summary>
public abstract class ResultHandlerConformanceTests
{
    private const int ConcurrentWrites = 20;

    public static TheoryData<string> RoundTripCases => new(ValueCase.All.Keys);

    /// <summary>The handler under test.</summary>
    protected abstract IResultHandler Handler { get; }

    /// <summary>
    /// A catalog of another host that rebuilds the handler from its descriptor; the default knows only the built-in
    /// kinds.
    /// </summary>
    protected virtual IResultHandlerCatalog Catalog { get; } = new ResultHandlerCatalog();

    /// <summary>
    /// Whether the handler stores the data outside the orchestration state (every handler but the JSON one, whose
    /// write output is the data by design).
    /// </summary>
    protected virtual bool StoresDataElsewhere => true;

    /// <summary>Removes what a write stored, so that its location is gone (only for <see cref="StoresDataElsewhere"/>).</summary>
    protected abstract Task DeleteAsync(JsonNode? location);

    /// <summary>
    /// The location a not-found error names for a write's output: by default the output itself, a string; a handler whose
    /// output is structured (the encrypting one's <c>{"keyId", "inner"}</c>) names the part an operator looks for.
    /// </summary>
    protected virtual string LocationText(JsonNode? location) => location!.GetValue<string>();

    [Theory]
    [MemberData(nameof(RoundTripCases), MemberType = typeof(ResultHandlerConformanceTests))]
    public async Task WriteAsyncThenReadAsync_Value_GivesEqualValue(string name)
    {
        var (value, type) = ValueCase.All[name];

        var location = await Handler.WriteAsync(value, type);
        var back = await Handler.ReadAsync(location, type);

        Assert.Equal(value, back);
    }

    [Theory]
    [MemberData(nameof(RoundTripCases), MemberType = typeof(ResultHandlerConformanceTests))]
    public async Task ToResultAsync_SafeResultOnAnotherHost_GivesEqualValue(string name)
    {
        var (value, type) = ValueCase.All[name];
        var stored = (SafeResult)await new Result(value, type, Handler).StoreSafeValueAsync();

        // As another host sees it: only the JSON text, the descriptor and the type name crossed the wire.
        var received = new SafeResult(stored.Json, stored.Handler, stored.ValueTypeName);
        var back = await received.ToResultAsync(Catalog);

        Assert.Equal(Handler.Descriptor, stored.Handler);
        Assert.Equal(value, back.Value);
    }

    [Fact]
    public async Task WriteAsync_WithKey_LocationOfNamesTheWriteAndDistinctKeysNeverShareOne()
    {
        var time = TimeProvider.System;
        var first = ResultKey.For("flow", "run-1", "task", 1, time);
        var second = ResultKey.For("flow", "run-1", "task", 2, time);

        var firstLocation = await Handler.WriteAsync("one", typeof(string), first);
        var secondLocation = await Handler.WriteAsync("two", typeof(string), second);

        // A handler that places writes by key says where, before writing; the others say nothing (null).
        if (Handler.LocationOf(first) is { } expected)
        {
            Assert.Equal(expected.ToJsonString(), firstLocation?.ToJsonString());
            Assert.NotEqual(firstLocation?.ToJsonString(), secondLocation?.ToJsonString());
        }

        Assert.Equal("one", await Handler.ReadAsync(firstLocation, typeof(string)));
        Assert.Equal("two", await Handler.ReadAsync(secondLocation, typeof(string)));
    }

    [Fact]
    public async Task WriteAsync_AnyValue_ReturnsOnlyJson()
    {
        var location = await Handler.WriteAsync(Samples.SampleOrder(), typeof(Samples.Order));

        // The same check StoreSafeValueAsync makes, then a trip through JSON text that must change nothing.
        var json = SafeJson.ToCheckedJson(location, Handler.Descriptor);
        Assert.True(JsonNode.DeepEquals(location, JsonNode.Parse(json)));
    }

    [Fact]
    public async Task WriteAsync_CanaryString_SafeValueHoldsNoRawData()
    {
        var canary = $"canary-{Guid.NewGuid():N}";

        var stored = (SafeResult)await Result.Create(canary, Handler).StoreSafeValueAsync();
        var back = await stored.ToResultAsync<string>();

        Assert.Equal(canary, back.Value);
        if (StoresDataElsewhere)
        {
            Assert.DoesNotContain(canary, stored.Json, StringComparison.Ordinal);
        }
        else
        {
            // The JSON handler's safe value is the data itself, by design.
            Assert.Equal(canary, JsonNode.Parse(stored.Json)!.GetValue<string>());
        }
    }

    [Fact]
    public async Task ReadAsync_LocationGone_ThrowsNotFoundNamingLocationAndHandlerKind()
    {
        var location = await Handler.WriteAsync("soon gone", typeof(string));
        if (!StoresDataElsewhere)
        {
            // Nothing is stored elsewhere, so nothing can go missing: the location always reads back.
            Assert.Equal("soon gone", await Handler.ReadAsync(location, typeof(string)));
            return;
        }

        await DeleteAsync(location);
        var error = await Assert.ThrowsAsync<ResultLocationNotFoundException>(() => Handler.ReadAsync(location, typeof(string)));

        var text = LocationText(location);
        Assert.Equal(text, error.Location);
        Assert.Equal(Handler.Descriptor, error.Handler);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Contains(Handler.Descriptor.Kind, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_StoredLocation_IsGoneAndDeletingAgainIsHarmless()
    {
        var location = await Handler.WriteAsync("to delete", typeof(string));

        await Handler.DeleteAsync(location);
        await Handler.DeleteAsync(location);

        if (!StoresDataElsewhere)
        {
            // The location is the data: deleting keeps nothing to remove, and it still reads back.
            Assert.Equal("to delete", await Handler.ReadAsync(location, typeof(string)));
            return;
        }

        await Assert.ThrowsAsync<ResultLocationNotFoundException>(() => Handler.ReadAsync(location, typeof(string)));
    }

    [Fact]
    public async Task ToResultAsync_LocationGone_ThrowsNotFound()
    {
        if (!StoresDataElsewhere)
        {
            return; // see ReadAsync_LocationGone_ThrowsNotFoundNamingLocationAndHandlerKind
        }

        var stored = (SafeResult)await Result.Create("soon gone", Handler).StoreSafeValueAsync();
        await DeleteAsync(JsonNode.Parse(stored.Json));

        await Assert.ThrowsAsync<ResultLocationNotFoundException>(() => stored.ToResultAsync(Catalog));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritesOfDifferentValues_EachGetsItsOwnLocation()
    {
        var values = Enumerable.Range(0, ConcurrentWrites).Select(i => $"value-{i}").ToArray();

        var locations = await Task.WhenAll(values.Select(v => Task.Run(() => Handler.WriteAsync(v, typeof(string)))));
        var readBack = await Task.WhenAll(locations.Select(l => Handler.ReadAsync(l, typeof(string))));

        Assert.Equal(ConcurrentWrites, locations.Select(l => l?.ToJsonString()).Distinct().Count());
        Assert.Equal(values, readBack);
    }

    [Fact]
    public async Task WriteAsync_SameValueTwice_GivesTwoLocations()
    {
        if (!StoresDataElsewhere)
        {
            return; // the JSON handler's location is the value: equal values give equal locations
        }

        var first = await Handler.WriteAsync("same", typeof(string));
        var second = await Handler.WriteAsync("same", typeof(string));

        Assert.NotEqual(first!.ToJsonString(), second!.ToJsonString());
    }
}
