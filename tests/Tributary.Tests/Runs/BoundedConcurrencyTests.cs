using Tributary.Runs;

namespace Tributary.Tests.Runs;

/// <summary>The sliding window that bounds input gathering and caching: every index once, never more than the limit at once.</summary>
public sealed class BoundedConcurrencyTests
{
    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(200, 4)]
    [InlineData(200, 1)]
    public async Task ForEachAsync_ManyPieces_RunsEachOnceWithAtMostTheLimitInFlight(int count, int limit)
    {
        var runs = new int[count];
        var inFlight = 0;
        var maxInFlight = 0;

        await BoundedConcurrency.ForEachAsync(count, limit, async index =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Yield();
            Interlocked.Increment(ref runs[index]);
            Interlocked.Decrement(ref inFlight);
        });

        Assert.All(runs, run => Assert.Equal(1, run));
        Assert.InRange(maxInFlight, 0, limit);
    }

    [Fact]
    public async Task ForEachAsync_PieceThrows_ThrowsItAndStartsNoNewPiece()
    {
        var started = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BoundedConcurrency.ForEachAsync(100, 1, async index =>
        {
            Interlocked.Increment(ref started);
            await Task.Yield();
            if (index == 10)
            {
                throw new InvalidOperationException("piece 10");
            }
        }));

        Assert.Equal("piece 10", error.Message);
        Assert.Equal(11, started);
    }

    [Fact]
    public async Task ForEachAsync_LimitBelowOne_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BoundedConcurrency.ForEachAsync(1, 0, _ => Task.CompletedTask));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            Interlocked.CompareExchange(ref target, value, current);
        }
    }
}
