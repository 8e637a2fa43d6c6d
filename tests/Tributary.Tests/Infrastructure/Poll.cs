namespace Tributary.Tests.Infrastructure;

/// <summary>Waits on a condition that no event announces (a file another process writes, a state in storage).</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    /// <summary>Checks <paramref name="condition"/> every 25 ms until it holds.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">It did not hold within <paramref name="patience"/>; the message says what was awaited.</exception>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan patience, string what)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {patience} for {what}; it did not happen.");
            await Task.Delay(Interval);
        }
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, TimeSpan, string)"/>
    public static Task UntilAsync(Func<bool> condition, TimeSpan patience, string what) =>
        UntilAsync(() => Task.FromResult(condition()), patience, what);
}
