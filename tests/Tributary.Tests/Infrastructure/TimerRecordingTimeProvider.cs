using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test each timer the code under test creates (a retry's back-off is
/// one), so the test waits for the code to start waiting, moves time exactly to the timer's due time, and learns how long
/// the code meant to wait: no real sleep, no guessing how far to advance.
/// </summary>
public sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();
    private int _timersCreated;

    /// <summary>Starts at a fixed, arbitrary point in time.</summary>
    public TimerRecordingTimeProvider()
        : base(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>How many timers were created so far.</summary>
    public int TimersCreated => Volatile.Read(ref _timersCreated);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timersCreated);
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until the code under test has created a timer that <see cref="DriveAsync"/> has not yet driven.</summary>
    /// <param name="patience">How long (real time) to wait; 10 s by default.</param>
    /// <exception cref="TimeoutException">No timer came within <paramref name="patience"/>.</exception>
    public Task WaitForTimerAsync(TimeSpan? patience = null) =>
        _timers.Reader.WaitToReadAsync().AsTask().WaitAsync(patience ?? TimeSpan.FromSeconds(10));

    /// <summary>
    /// Drives <paramref name="work"/> to its end: each time it creates a timer, advances time by the timer's due time.
    /// </summary>
    /// <param name="work">The code under test, already started.</param>
    /// <param name="patience">How long (real time) to wait for the next timer or the end before giving up.</param>
    /// <returns>The due time of every timer it created, in order.</returns>
    /// <exception cref="TimeoutException">The work neither ended nor created a timer within <paramref name="patience"/>.</exception>
    public async Task<IReadOnlyList<TimeSpan>> DriveAsync(Task work, TimeSpan? patience = null)
    {
        var waits = new List<TimeSpan>();
        var limit = patience ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            if (_timers.Reader.TryRead(out var due))
            {
                waits.Add(due);
                Advance(due);
                continue;
            }

            if (work.IsCompleted)
            {
                return waits;
            }

            // Whichever comes first: the next timer, or the end of the work.
            await Task.WhenAny(_timers.Reader.WaitToReadAsync().AsTask(), work).WaitAsync(limit);
        }
    }
}
