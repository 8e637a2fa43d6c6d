using Tributary.Handlers;
using Tributary.Results;

namespace Tributary.Tests.Results;

public sealed class NoResultTests
{
    [Fact]
    public async Task Instance_ValueSafeValueAndConversions_AreTheInstanceItself()
    {
        var none = NoResult.Instance;

        Assert.Same(none, none.Value);
        Assert.Same(none, none.SafeValue);
        Assert.Same(none, await none.ToResultAsync());
        Assert.Same(none, await none.ToResultAsync(new ResultHandlerCatalog()));
        Assert.Same(none, await none.StoreSafeValueAsync());
    }

    [Fact]
    public void Equals_ResultWithNullValue_IsNotEqualInEitherDirection()
    {
        var nullResult = new Result(null, typeof(string), new JsonResultHandler());

        Assert.False(NoResult.Instance.Equals(nullResult));
        Assert.False(nullResult.Equals(NoResult.Instance));
        Assert.False(nullResult.Equals((object)NoResult.Instance));
        Assert.True(NoResult.Instance.Equals(NoResult.Instance));
    }

    [Fact]
    public async Task Equals_SafeResultOfNull_IsNotEqualInEitherDirection()
    {
        var safeNull = await new Result(null, typeof(string), new JsonResultHandler()).StoreSafeValueAsync();

        Assert.IsType<SafeResult>(safeNull);
        Assert.False(NoResult.Instance.Equals(safeNull));
        Assert.False(safeNull.Equals(NoResult.Instance));
    }
}
