using Tributary.Testing;
using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Results;

public sealed class ResultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SafeValue_BeforeAndAfterStoring_IsNoResultThenTheSafeResult()
    {
        var result = new Result("hello", typeof(string), new CountingResultHandler());

        Assert.Same(NoResult.Instance, result.SafeValue);
        var stored = await result.StoreSafeValueAsync();

        var safe = Assert.IsType<SafeResult>(stored);
        Assert.Same(safe, result.SafeValue);
        Assert.Equal(CountingResultHandler.Kind, safe.Handler.Kind);
    }

    [Fact]
    public async Task SafeValue_WhileWriteInProgress_IsNoResult()
    {
        var handler = new CountingResultHandler();
        var gate = handler.HoldWrites();
        var result = new Result("hello", typeof(string), handler);

        var store = result.StoreSafeValueAsync();
        await handler.FirstWriteStarted.WaitAsync(Timeout);

        Assert.Same(NoResult.Instance, result.SafeValue);
        gate.SetResult();
        Assert.Same(await store, result.SafeValue);
    }

    [Fact]
    public async Task StoreSafeValueAsync_CalledTwice_WritesOnceAndGivesTheSameSafeResult()
    {
        var handler = new CountingResultHandler();
        var result = new Result(42, typeof(int), handler);

        var first = await result.StoreSafeValueAsync();
        var second = await result.StoreSafeValueAsync();

        Assert.Equal(1, handler.Writes);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task StoreSafeValueAsync_CalledConcurrently_WritesOnce()
    {
        var handler = new CountingResultHandler();
        var gate = handler.HoldWrites();
        var result = new Result(42, typeof(int), handler);

        // Every call is made while the first write is still held, from many threads at once.
        var stores = Enumerable.Range(0, 32).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => result.StoreSafeValueAsync()).ToArray();
        await handler.FirstWriteStarted.WaitAsync(Timeout);
        gate.SetResult();
        var safeValues = await Task.WhenAll(stores).WaitAsync(Timeout);

        Assert.Equal(1, handler.Writes);
        Assert.All(safeValues, safe => Assert.Same(safeValues[0], safe));
    }

    [Fact]
    public async Task StoreSafeValueAsync_AfterFailedWrite_WritesAgainOnNextCall()
    {
        var handler = new CountingResultHandler { FailNextWrites = 1 };
        var result = new Result("x", typeof(string), handler);

        await Assert.ThrowsAsync<IOException>(() => result.StoreSafeValueAsync());
        Assert.Same(NoResult.Instance, result.SafeValue);
        var stored = await result.StoreSafeValueAsync();

        Assert.Equal(2, handler.Writes);
        Assert.IsType<SafeResult>(stored);
        Assert.Same(stored, result.SafeValue);
    }

    [Fact]
    public async Task StoreSafeValueAsync_AfterCanceledWrite_WritesAgainOnNextCall()
    {
        var handler = new CountingResultHandler();
        handler.HoldWrites();
        var result = new Result("x", typeof(string), handler);
        using var cancellation = new CancellationTokenSource();

        var canceled = result.StoreSafeValueAsync(cancellation.Token);
        await handler.FirstWriteStarted.WaitAsync(Timeout);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);
        handler.HoldWrites().SetResult();
        var stored = await result.StoreSafeValueAsync().WaitAsync(Timeout);

        Assert.Equal(2, handler.Writes);
        Assert.IsType<SafeResult>(stored);
    }

    [Fact]
    public async Task ToResultAsync_OnResult_GivesItself()
    {
        var result = new Result("x", typeof(string), new JsonResultHandler());

        Assert.Same(result, await result.ToResultAsync());
        Assert.Same(result, await result.ToResultAsync(new ResultHandlerCatalog()));
    }

    [Fact]
    public async Task ToResultAsync_OnStoredSafeResult_GivesOriginalValueWithThatSafeValue()
    {
        var order = ConformanceSamples.SampleOrder();
        var result = new Result(order, typeof(ConformanceSamples.Order), new CountingResultHandler());
        var safe = (SafeResult)await result.StoreSafeValueAsync();

        var back = Assert.IsType<Result>(await safe.ToResultAsync());

        Assert.Equal(order, back.Value);
        Assert.Equal(typeof(ConformanceSamples.Order), back.ValueType);
        Assert.Same(safe, back.SafeValue);
        Assert.Same(safe, await back.StoreSafeValueAsync());
    }

    [Fact]
    public async Task Create_Typed_KeepsTypeThroughStoreAndRead()
    {
        using var directory = new TempDirectory();
        var result = Result.Create(new List<ConformanceSamples.Point> { new(1, 2), new(3, 4) }, new LocalResultHandler(directory.Path));

        var safe = (SafeResult)await result.StoreSafeValueAsync();
        var back = await safe.ToResultAsync<List<ConformanceSamples.Point>>();

        Assert.IsType<Result<List<ConformanceSamples.Point>>>(result);
        Assert.Equal(typeof(List<ConformanceSamples.Point>), result.ValueType);
        Assert.Equal(result.Value, back.Value);
        Assert.Same(safe, back.SafeValue);
    }

    [Fact]
    public async Task ToResultAsyncOfT_OnJsonSafeResult_ReadsAsRequestedType()
    {
        var safe = (SafeResult)await Result.Create(new ConformanceSamples.Point(5, 6), new JsonResultHandler()).StoreSafeValueAsync();
        var deserialized = new SafeResult(safe.Json, safe.Handler);

        var asPoint = await deserialized.ToResultAsync<ConformanceSamples.Point>(new ResultHandlerCatalog());
        var untyped = await deserialized.ToResultAsync(new ResultHandlerCatalog());

        Assert.Equal(new ConformanceSamples.Point(5, 6), asPoint.Value);
        Assert.IsAssignableFrom<JsonNode>(untyped.Value); // no type name: the value comes back as JSON
    }

    [Fact]
    public void Constructor_ValueNotOfDeclaredType_ThrowsArgumentExceptionNamingBothTypes()
    {
        var error = Assert.Throws<ArgumentException>(() => new Result("text", typeof(int), new JsonResultHandler()));

        Assert.Equal("valueType", error.ParamName);
        Assert.Contains("System.String", error.Message);
        Assert.Contains("System.Int32", error.Message);
    }

    [Fact]
    public void Equals_SameValueAndHandlerKind_EqualOtherwiseNot()
    {
        var json = new JsonResultHandler();

        Assert.Equal(new Result(3, typeof(int), json), new Result(3, typeof(int), new JsonResultHandler()));
        Assert.NotEqual(new Result(3, typeof(int), json), new Result(4, typeof(int), json));
        Assert.NotEqual(new Result(3, typeof(int), json), new Result(3, typeof(int), new CountingResultHandler()));
    }
}
