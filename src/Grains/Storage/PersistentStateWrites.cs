using Orleans.Storage;

namespace Tributary.Storage;

/// <summary>
/// Writes through Orleans' <see cref="IPersistentState{TState}"/> that reconcile after a fault. Orleans' bridge keeps the
/// ETag it had when a write throws, so after a write that stored and then threw (a timeout, a dropped connection) every
/// later write fails with an ETag conflict; and it lets an <c>InconsistentStateException</c> deactivate the grain only
/// when one escapes a grain call. Here a failed write re-reads the record: if it holds what was written, the write
/// counts as done; otherwise it is tried again on the fresh ETag, under <c>Tributary:StorageRetry</c>.
/// </summary>
internal static class PersistentStateWrites
{
    /// <summary>
    /// Sets <paramref name="state"/> to <paramref name="next"/> and writes it as <see cref="WriteReconciledAsync"/> does;
    /// when the write fails for good, the state in memory is the stored one again, so a later call starts from what storage
    /// holds. For grains whose every change is one whole new state (indexes, caches).
    /// </summary>
    /// <exception cref="Exception">The write failed for good: the storage's last fault.</exception>
    public static async Task WriteOrRestoreAsync<TState>(this IPersistentState<TState> state, TState next, StorageRetry retry)
        where TState : class
    {
        var before = state.State;
        state.State = next;
        try
        {
            await state.WriteReconciledAsync(retry);
        }
        catch
        {
            state.State = before;
            throw;
        }
    }

    /// <summary>Writes <paramref name="state"/>'s current value, reconciling and retrying as described above.</summary>
    /// <remarks>
    /// Meant for states with a single writer (the grain's one activation): a record that differs from what was
    /// written is overwritten. The in-memory state is the intended one afterwards, whatever happened.
    /// </remarks>
    /// <exception cref="Exception">The write failed for good: the storage's last fault.</exception>
    public static Task WriteReconciledAsync<TState>(this IPersistentState<TState> state, StorageRetry retry)
        where TState : class
    {
        var intended = state.State;
        return retry.ExecuteAsync(async _ =>
        {
            state.State = intended;
            try
            {
                await state.WriteStateAsync();
            }
            catch (Exception fault) when (TransientFaults.IsTransient(fault) || fault is InconsistentStateException)
            {
                try
                {
                    await state.ReadStateAsync();
                    if (state.RecordExists && Equals(state.State, intended))
                    {
                        return; // stored after all; the read brought its ETag
                    }
                }
                finally
                {
                    state.State = intended;
                }

                throw new StateWriteNotAppliedException(fault);
            }
        });
    }
}
