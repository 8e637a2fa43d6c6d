using Microsoft.Extensions.Time.Testing;
using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>
/// A retry policy's delays are a pure function of the policy, the count of failed attempts and a jitter sample: the
/// first delay, growth by the coefficient, the cap, and jitter within its bounds; some exceptions are never retried.
/// </summary>
public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Backoff = new()
    {
        MaximumAttempts = 10,
        FirstDelay = TimeSpan.FromSeconds(1),
        BackoffCoefficient = 2,
        MaximumDelay = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public void DelayBeforeRetry_FirstFailure_IsTheFirstDelay()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Backoff.DelayBeforeRetry(1, 0.5));
    }

    [Fact]
    public void DelayBeforeRetry_LaterFailures_GrowByTheCoefficientUpToTheMaximum()
    {
        var delays = Enumerable.Range(1, 6).Select(failed => Backoff.DelayBeforeRetry(failed, 0.5).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
    }

    [Fact]
    public void DelayBeforeRetry_HugeCount_StaysAtTheMaximum()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), Backoff.DelayBeforeRetry(int.MaxValue, 0.99));
    }

    [Fact]
    public void DelayBeforeRetry_CoefficientOne_IsTheSameEachTime()
    {
        var fixedDelay = RetryPolicy.Fixed(5, TimeSpan.FromMilliseconds(300));

        Assert.All(Enumerable.Range(1, 4), failed => Assert.Equal(TimeSpan.FromMilliseconds(300), fixedDelay.DelayBeforeRetry(failed, 0.3)));
    }

    [Fact]
    public void DelayBeforeRetry_SeededJitter_StaysWithinItsBoundsAndVaries()
    {
        var policy = Backoff with { Jitter = 0.2 };
        var random = new Random(42);

        var delays = Enumerable.Range(0, 1000).Select(_ => policy.DelayBeforeRetry(2, random.NextDouble())).ToArray();

        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4)));
        Assert.True(delays.Distinct().Count() > 100, "jitter should spread the delays");
        Assert.InRange(delays.Min(), TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(1.7)); // both ends are reached
        Assert.InRange(delays.Max(), TimeSpan.FromSeconds(2.3), TimeSpan.FromSeconds(2.4));
    }

    [Fact]
    public void DelayBeforeRetry_JitterAtTheCap_NeverExceedsTheMaximum()
    {
        var policy = Backoff with { Jitter = 0.5 };

        Assert.Equal(TimeSpan.FromSeconds(10), policy.DelayBeforeRetry(8, 0.999));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.DelayBeforeRetry(8, 0));
    }

    [Fact]
    public void DelayBeforeRetry_ZeroFirstDelay_IsZeroWhateverTheCount()
    {
        Assert.Equal(TimeSpan.Zero, (Backoff with { FirstDelay = TimeSpan.Zero }).DelayBeforeRetry(5000, 0.5));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(1, -0.1)]
    public void DelayBeforeRetry_OutOfRange_Throws(int failed, double sample)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.DelayBeforeRetry(failed, sample));
    }

    [Fact]
    public void NextAttemptAt_FakeClock_IsNowPlusTheDelay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var policy = Backoff with { Jitter = 0.1 };

        var due = policy.NextAttemptAt(3, time, new Random(7));

        var expected = policy.DelayBeforeRetry(3, new Random(7).NextDouble());
        Assert.Equal(time.GetUtcNow() + expected, due);
        Assert.InRange(due - time.GetUtcNow(), TimeSpan.FromSeconds(3.6), TimeSpan.FromSeconds(4.4));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(time.GetUtcNow() + expected, policy.NextAttemptAt(3, time, new Random(7)));
    }

    [Fact]
    public void IsRetryable_ListedTypeItsSubclassOrNonRetryableTaskException_False()
    {
        var policy = Backoff with { NonRetryableExceptionTypes = [typeof(ArgumentException)] };

        Assert.False(policy.IsRetryable(new ArgumentException("bad")));
        Assert.False(policy.IsRetryable(new ArgumentNullException("x"))); // a subclass
        Assert.False(policy.IsRetryable(new NonRetryableTaskException("no")));
        Assert.True(policy.IsRetryable(new InvalidOperationException("transient")));
    }

    public static TheoryData<RetryPolicy, string> InvalidPolicies() => new()
    {
        { Backoff with { MaximumAttempts = 0 }, nameof(RetryPolicy.MaximumAttempts) },
        { Backoff with { FirstDelay = TimeSpan.FromSeconds(-1) }, nameof(RetryPolicy.FirstDelay) },
        { Backoff with { MaximumDelay = TimeSpan.FromMilliseconds(10) }, nameof(RetryPolicy.MaximumDelay) },
        { Backoff with { MaximumDelay = TimeSpan.FromDays(31) }, nameof(RetryPolicy.MaximumDelay) },
        { Backoff with { BackoffCoefficient = 0.5 }, nameof(RetryPolicy.BackoffCoefficient) },
        { Backoff with { BackoffCoefficient = double.NaN }, nameof(RetryPolicy.BackoffCoefficient) },
        { Backoff with { Jitter = 1.5 }, nameof(RetryPolicy.Jitter) },
        { Backoff with { NonRetryableExceptionTypes = [typeof(string)] }, nameof(RetryPolicy.NonRetryableExceptionTypes) },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void Validate_SettingOutOfRange_ThrowsNamingItAndTheTask(RetryPolicy policy, string setting)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => policy.Validate("load"));

        Assert.Equal(setting, error.ParamName);
        Assert.Contains("'load'", error.Message);
    }
}
