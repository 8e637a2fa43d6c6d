namespace Tributary.Runs;

/// <summary>
/// Runs work for the indexes 0 to count - 1 with at most a given number in flight: a sliding window, where each piece
/// that ends lets the next one start.
/// </summary>
/// <remarks>
/// Written for grain code: every piece starts and resumes on the caller's scheduler (no <c>ConfigureAwait(false)</c>, no
/// thread pool), so in a grain it runs in the activation's context, where grain calls and state must be made.
/// <c>Parallel.ForEachAsync</c> would run the pieces on the default task scheduler, outside the activation.
/// </remarks>
internal static class BoundedConcurrency
{
    /// <summary>Runs <paramref name="body"/> for each index, at most <paramref name="limit"/> at a time, and waits for all.</summary>
    /// <param name="count">How many pieces of work.</param>
    /// <param name="limit">The most pieces in flight at once; at least 1.</param>
    /// <param name="body">The work for one index; it puts its result at that index, so results keep their order.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    /// <remarks>
    /// A piece that throws stops no other piece already in flight, but no new piece starts after it; once every piece in
    /// flight has ended, the first failure (by lane) is thrown.
    /// </remarks>
    public static async Task ForEachAsync(int count, int limit, Func<int, Task> body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentNullException.ThrowIfNull(body);
        var next = -1;
        var failed = false;

        async Task RunLaneAsync()
        {
            int index;
            while (!Volatile.Read(ref failed) && (index = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    await body(index);
                }
                catch
                {
                    Volatile.Write(ref failed, true);
                    throw;
                }
            }
        }

        var lanes = new Task[Math.Min(limit, count)];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = RunLaneAsync();
        }

        await Task.WhenAll(lanes);
    }

    /// <summary>Calls <paramref name="call"/> for each item, at most <paramref name="limit"/> at a time, and gives the results in the items' order.</summary>
    public static async Task<TResult[]> WhenAllAsync<TItem, TResult>(IReadOnlyList<TItem> items, int limit, Func<TItem, Task<TResult>> call)
    {
        var results = new TResult[items.Count];
        await ForEachAsync(items.Count, limit, async index => results[index] = await call(items[index]));
        return results;
    }
}
