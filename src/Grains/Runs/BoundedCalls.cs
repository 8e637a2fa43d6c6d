namespace Tributary.Runs;

/// <summary>Runs calls over a list with at most a given number in flight, keeping the results in the list's order.</summary>
internal static class BoundedCalls
{
    /// <summary>
    /// Calls <paramref name="call"/> for each item, at most <paramref name="limit"/> at once. In a grain, the calls run
    /// on the activation's scheduler, like any awaited work of the grain.
    /// </summary>
    public static async Task<TResult[]> WhenAllAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> call, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var results = new TResult[items.Count];
        var next = -1;
        async Task CallInTurnAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < items.Count)
            {
                results[index] = await call(items[index]);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(limit, items.Count)).Select(_ => CallInTurnAsync()));
        return results;
    }
}
