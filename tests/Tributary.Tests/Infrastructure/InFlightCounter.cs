namespace Tributary.Tests.Infrastructure;

/// <summary>Counts operations in flight and remembers the most that were in flight at once.</summary>
public sealed class InFlightCounter
{
    private int _current;
    private int _max;
    private int _total;

    /// <summary>The most operations that were in flight at once.</summary>
    public int Max => Volatile.Read(ref _max);

    /// <summary>How many operations were entered.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Marks one operation in flight until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        Interlocked.Increment(ref _total);
        var current = Interlocked.Increment(ref _current);
        for (var max = Max; current > max; max = Max)
        {
            Interlocked.CompareExchange(ref _max, current, max);
        }

        return new Scope(this);
    }

    private sealed class Scope(InFlightCounter counter) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref counter._current);
            }
        }
    }
}
