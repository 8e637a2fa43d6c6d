namespace Tributary.Recovery;

/// <summary>
/// Serializes the writes of a grain's state and folds the ones asked for while a write is in flight into one: each
/// caller's change is stored once the returned task ends. Meant for a grain's own scheduler (one thread at a time).
/// </summary>
internal sealed class CoalescedWrites(Func<Task> write)
{
    private Task _inFlight = Task.CompletedTask;
    private Task? _next;

    /// <summary>A write that starts after the one in flight and so stores every change made until it starts.</summary>
    public Task WriteAsync() => _next ??= WriteAfterAsync(_inFlight);

    private async Task WriteAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch
        {
            // That write's callers saw its fault; this one tries again with everything since.
        }

        // Yield once so that _next is this write when it starts (it is assigned when this method first returns).
        await Task.Yield();
        _inFlight = _next!;
        _next = null;
        await write();
    }
}
