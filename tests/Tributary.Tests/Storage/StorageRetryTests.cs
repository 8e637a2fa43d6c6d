using Tributary.Handlers;
using Tributary.Options;
using Tributary.Storage;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Storage;

/// <summary>
/// <see cref="StorageRetry"/> (<c>Tributary:StorageRetry</c>): transient storage faults are tried again with growing
/// waits until <see cref="StorageRetryOptions.MaxDuration"/>; anything that will not pass fails at once. Time is fake:
/// each wait is read from the timer the retry creates, and time is moved exactly that far.
/// </summary>
public sealed class StorageRetryTests
{
    private readonly TimerRecordingTimeProvider _time = new();

    // Guards a fixed bug: a transient storage fault (a blip) failed the attempt at once instead of being tried again.
    [Fact]
    public async Task ExecuteAsync_TransientFaultsThenSuccess_RetriesWithGrowingWaitsUntilItSucceeds()
    {
        // No cap on a single wait here, so that the back-off's growth is what is seen.
        var retry = Retry(maxDuration: TimeSpan.FromHours(1), firstDelay: TimeSpan.FromMilliseconds(200), maxDelay: TimeSpan.FromHours(1));
        const int Faults = 10;
        var tries = new List<TimeSpan>();
        var start = _time.GetTimestamp();

        var work = retry.ExecuteAsync(_ =>
        {
            tries.Add(_time.GetElapsedTime(start));
            return tries.Count <= Faults ? throw new TimeoutException($"try {tries.Count}") : Task.FromResult("stored");
        });
        var waits = await _time.DriveAsync(work);

        Assert.Equal("stored", await work);
        Assert.Equal(Faults + 1, tries.Count);
        Assert.Equal(Faults, waits.Count);
        Assert.All(waits, wait => Assert.True(wait > TimeSpan.Zero, $"A wait of {wait}."));
        // Each try starts when the wait before it ends: the tries are spaced by exactly the waits.
        Assert.Equal(tries.Skip(1), waits.Select((_, i) => waits.Take(i + 1).Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait)));
        // With jitter a single wait may be shorter than the one before it, but the back-off is exponential: the time
        // waited in all doubles at least every two retries, and ten retries wait far longer than ten first delays.
        for (var retryNumber = 1; retryNumber + 2 <= Faults; retryNumber++)
        {
            var waited = tries[retryNumber];
            var waitedTwoLater = tries[retryNumber + 2];
            Assert.True(waitedTwoLater >= waited * 1.9, $"Waited {waited} before retry {retryNumber} but only {waitedTwoLater} before retry {retryNumber + 2}.");
        }

        Assert.True(tries[^1] > TimeSpan.FromMilliseconds(200) * Faults * 10, $"Ten retries waited {tries[^1]} in all.");
    }

    [Fact]
    public async Task ExecuteAsync_WaitLongerThanMaxDelay_IsCappedAtMaxDelay()
    {
        var maxDelay = TimeSpan.FromSeconds(1);
        var retry = Retry(maxDuration: TimeSpan.FromMinutes(1), firstDelay: TimeSpan.FromMilliseconds(200), maxDelay: maxDelay);
        var tries = 0;

        var work = retry.ExecuteAsync(_ => ++tries <= 12 ? throw new TimeoutException("down") : Task.CompletedTask);
        var waits = await _time.DriveAsync(work);
        await work;

        Assert.Equal(12, waits.Count);
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.Zero, maxDelay));
        Assert.Contains(maxDelay, waits);
    }

    [Fact]
    public async Task ExecuteAsync_TransientFaultPastMaxDuration_StopsRetryingAndSurfacesTheLastFault()
    {
        var maxDuration = TimeSpan.FromSeconds(10);
        var retry = Retry(maxDuration, firstDelay: TimeSpan.FromMilliseconds(200), maxDelay: TimeSpan.FromSeconds(2));
        var tries = new List<TimeSpan>();
        var start = _time.GetTimestamp();

        var work = retry.ExecuteAsync(_ =>
        {
            tries.Add(_time.GetElapsedTime(start));
            throw new TimeoutException($"try {tries.Count}");
        });
        var waits = await _time.DriveAsync(work);
        var fault = await Assert.ThrowsAsync<TimeoutException>(() => work);

        Assert.Equal($"try {tries.Count}", fault.Message);
        Assert.Equal(tries.Count - 1, waits.Count);
        // It went on while less than MaxDuration had passed since the first try, and stopped once it had.
        Assert.True(tries[^2] < maxDuration, $"The try before the last one came at {tries[^2]}.");
        Assert.True(tries[^1] >= maxDuration, $"The last try came at {tries[^1]}, before MaxDuration ({maxDuration}) had passed.");
        Assert.True(tries[^1] < maxDuration + TimeSpan.FromSeconds(2), $"The last try came at {tries[^1]}, long after MaxDuration.");
    }

    [Fact]
    public async Task ExecuteAsync_MaxDurationZero_TriesOnceAndSurfacesTheFault()
    {
        var retry = Retry(TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        var tries = 0;

        var fault = await Assert.ThrowsAsync<TimeoutException>(() => retry.ExecuteAsync(_ =>
        {
            tries++;
            throw new TimeoutException("down");
        }));

        Assert.Equal(("down", 1, 0), (fault.Message, tries, _time.TimersCreated));
    }

    [Theory]
    [InlineData("argument")]
    [InlineData("handler-contract")]
    [InlineData("status-403")]
    [InlineData("status-404")]
    public async Task ExecuteAsync_FaultThatWillNotPass_FailsAtOnceWithoutRetrying(string kind)
    {
        var retry = Retry(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        Exception thrown = kind switch
        {
            "argument" => new ArgumentException("bad blob name", "location"),
            "handler-contract" => new ResultHandlerContractException("the handler returned raw data"),
            "status-403" => new StatusException(403),
            "status-404" => new StatusException(404),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var tries = 0;

        var work = retry.ExecuteAsync(_ =>
        {
            tries++;
            throw thrown;
        });
        var waits = await _time.DriveAsync(work);
        var fault = await Assert.ThrowsAnyAsync<Exception>(() => work);

        Assert.Same(thrown, fault);
        Assert.Equal((1, 0), (tries, waits.Count));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ExecuteAsync_StatusThatMayPass_IsRetried(int status)
    {
        var retry = Retry(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        var tries = 0;

        var work = retry.ExecuteAsync(_ => ++tries <= 2 ? throw new StatusException(status) : Task.FromResult(status));
        var waits = await _time.DriveAsync(work);

        Assert.Equal(status, await work);
        Assert.Equal((3, 2), (tries, waits.Count));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledWhileWaiting_StopsRetrying()
    {
        var retry = Retry(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        using var cancellation = new CancellationTokenSource();
        var tries = 0;

        var work = retry.ExecuteAsync(
            _ =>
            {
                tries++;
                cancellation.Cancel(); // storage is down and the caller gives up meanwhile
                throw new TimeoutException("down");
            },
            cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, tries);
    }

    private StorageRetry Retry(TimeSpan maxDuration, TimeSpan firstDelay, TimeSpan maxDelay) =>
        new(new StorageRetryOptions { MaxDuration = maxDuration, FirstDelay = firstDelay, MaxDelay = maxDelay }, _time);
}
