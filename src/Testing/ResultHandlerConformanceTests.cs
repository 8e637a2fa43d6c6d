using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;
using Xunit;

namespace Tributary.Testing;

/// <summary>
/// The contract every result handler keeps (see <see cref="IResultHandler"/>'s remarks). A handler, ours or a user's,
/// is checked by deriving a class in an xunit test project that supplies <see cref="Handler"/> and, for handlers that
/// store data elsewhere, a way to make a location go missing (<see cref="DeleteAsync"/>); the derived class runs every
/// case below.
/// </summary>
/// <remarks>
/// Tributary's own handlers (local, JSON, Azure Blob, S3, Google Cloud Storage) run this same suite. A handler whose
/// values need a live store takes its store from an xunit fixture in the derived class's constructor.
/// </remarks>
public abstract partial class ResultHandlerConformanceTests
{
    private const int ConcurrentWrites = 20;

    /// <summary>The names of the <see cref="ValueCase.All"/> values, as theory data.</summary>
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
    /// The location a not-found error names for a write's output: by default a string location as it is and any other by
    /// its JSON text; a handler whose output is structured (the encrypting one's <c>{"keyId", "inner"}</c>) may name the
    /// part an operator looks for instead.
    /// </summary>
    /// <param name="location">What the handler's write returned.</param>
    protected virtual string LocationText(JsonNode? location) =>
        location is JsonValue value && value.TryGetValue(out string? path) ? path : location?.ToJsonString() ?? "null";

    /// <summary>A written value reads back equal.</summary>
    /// <param name="name">The <see cref="ValueCase"/> name.</param>
    [Theory]
    [MemberData(nameof(RoundTripCases), MemberType = typeof(ResultHandlerConformanceTests))]
    public async Task WriteAsyncThenReadAsync_Value_GivesEqualValue(string name)
    {
        var (value, type) = ValueCase.All[name];

        var location = await Handler.WriteAsync(value, type);
        var back = await Handler.ReadAsync(location, type);

        Assert.Equal(value, back);
    }

    /// <summary>A safe value read on another host, whose <see cref="Catalog"/> rebuilds the handler from its descriptor, gives the value.</summary>
    /// <param name="name">The <see cref="ValueCase"/> name.</param>
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

    /// <summary>A keyed write goes where <see cref="IResultHandler.LocationOf"/> says, and two keys get two locations.</summary>
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

    /// <summary>A write returns JSON only, which survives a trip through JSON text unchanged.</summary>
    [Fact]
    public async Task WriteAsync_AnyValue_ReturnsOnlyJson()
    {
        var value = ConformanceSamples.SampleOrder();
        var location = await Handler.WriteAsync(value, typeof(ConformanceSamples.Order));

        // Storing makes the engine's own check (JSON only, else ResultHandlerContractException naming the path)...
        var stored = (SafeResult)await new Result(value, typeof(ConformanceSamples.Order), Handler).StoreSafeValueAsync();
        // ...and a location must survive a trip through JSON text unchanged.
        Assert.True(JsonNode.DeepEquals(location, JsonNode.Parse(location?.ToJsonString() ?? "null")));
        Assert.Equal(location?.GetValueKind(), JsonNode.Parse(stored.Json)?.GetValueKind());
    }

    /// <summary>A stored value's safe value does not contain the value (but for a handler that keeps data in place).</summary>
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

    /// <summary>Reading a location that is gone throws <see cref="ResultLocationNotFoundException"/> naming it and the handler.</summary>
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

    /// <summary>The handler's delete removes the value, and a second delete is not an error.</summary>
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

    /// <summary>A safe value whose location is gone fails to read with <see cref="ResultLocationNotFoundException"/>.</summary>
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

    /// <summary>Concurrent writes each get their own location and read back their own value.</summary>
    [Fact]
    public async Task WriteAsync_ConcurrentWritesOfDifferentValues_EachGetsItsOwnLocation()
    {
        var values = Enumerable.Range(0, ConcurrentWrites).Select(i => $"value-{i}").ToArray();

        var locations = await Task.WhenAll(values.Select(v => Task.Run(() => Handler.WriteAsync(v, typeof(string)))));
        var readBack = await Task.WhenAll(locations.Select(l => Handler.ReadAsync(l, typeof(string))));

        Assert.Equal(ConcurrentWrites, locations.Select(l => l?.ToJsonString()).Distinct().Count());
        Assert.Equal(values, readBack);
    }

    /// <summary>Writing an equal value twice gives two locations (but for a handler whose location is the value).</summary>
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
