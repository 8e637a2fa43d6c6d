namespace Tributary.Storage;

/// <summary>
/// How a grain's state is stored when parts of it may be too large for one record: the record holds the state with
/// those parts moved to page records of their own (<see cref="SpillStore"/>), and reading puts them back.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
internal interface IRecordForm<TState>
    where TState : class
{
    /// <summary>The record to store for <paramref name="state"/>, writing any pages it names first.</summary>
    /// <param name="state">The state to store.</param>
    /// <param name="lastRecord">The record storage holds now, if any (its pages may be named again, unwritten).</param>
    Task<TState> ToRecordAsync(TState state, TState? lastRecord);

    /// <summary>The state a stored record stands for, its pages read back.</summary>
    Task<TState> FromRecordAsync(TState record);

    /// <summary>Called once <paramref name="record"/> replaced <paramref name="previousRecord"/> in storage: deletes pages no record names now.</summary>
    Task AfterStoredAsync(TState? previousRecord, TState record);

    /// <summary>Deletes the pages a stored record names (its grain's state is being deleted); a record naming none is a no-op.</summary>
    /// <exception cref="Exception">A page could not be deleted: the storage's last fault.</exception>
    Task DeletePagesAsync(TState record);
}
