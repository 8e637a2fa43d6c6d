using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>TaskOptions.Retry is the policy; MaxRetries and RetryDelay stay as its fixed-delay shorthand, and not both at once.</summary>
public sealed class TaskOptionsRetryTests
{
    [Fact]
    public void EffectiveRetry_Shorthand_IsAFixedPolicyWithOneMoreAttempt()
    {
        var options = new TaskOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromSeconds(3) };

        var policy = options.EffectiveRetry;

        Assert.Equal(
            (3, TimeSpan.FromSeconds(3), 1.0, TimeSpan.FromSeconds(3), 0.0),
            (policy.MaximumAttempts, policy.FirstDelay, policy.BackoffCoefficient, policy.MaximumDelay, policy.Jitter));
        Assert.Equal(TimeSpan.FromSeconds(3), policy.DelayBeforeRetry(2, 0.9));
    }

    [Fact]
    public void EffectiveRetry_MaxRetriesIntMaxValue_DoesNotOverflow()
    {
        Assert.Equal(int.MaxValue, new TaskOptions { MaxRetries = int.MaxValue }.EffectiveRetry.MaximumAttempts);
    }

    [Fact]
    public void EffectiveRetry_Default_IsOneAttempt()
    {
        Assert.Equal(1, TaskOptions.Default.EffectiveRetry.MaximumAttempts);
    }

    [Fact]
    public void EffectiveRetry_PolicySet_IsThePolicy()
    {
        var policy = new RetryPolicy { MaximumAttempts = 4 };

        Assert.Same(policy, new TaskOptions { Retry = policy }.EffectiveRetry);
    }

    [Fact]
    public void Validate_PolicyAndShorthandBoth_ThrowsNamingRetry()
    {
        var options = new TaskOptions { Retry = new RetryPolicy(), MaxRetries = 1 };

        var error = Assert.Throws<ArgumentException>(() => options.Validate("load"));

        Assert.Equal(nameof(TaskOptions.Retry), error.ParamName);
    }

    [Fact]
    public void Validate_InvalidPolicy_ThrowsNamingTheSetting()
    {
        var options = new TaskOptions { Retry = new RetryPolicy { Jitter = -1 } };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate("load"));

        Assert.Equal(nameof(RetryPolicy.Jitter), error.ParamName);
    }
}
