using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Tributary.States;

namespace Tributary.Storage;

/// <summary>
/// Stores one dictionary of a state inline while it is small, and in page records of its own (<see cref="SpillStore"/>)
/// once it would make the record large: the record then holds an empty dictionary and a <see cref="SpillReference"/>.
/// The state in memory always holds the whole dictionary and no reference.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <typeparam name="TValue">The dictionary's values.</typeparam>
internal sealed partial class SpilledDictionaryForm<TState, TValue> : IRecordForm<TState>
    where TState : class
{
    private readonly SpillStore _store;
    private readonly Func<TState, ImmutableDictionary<string, TValue>> _entriesOf;
    private readonly Func<TState, SpillReference?> _referenceOf;
    private readonly Func<TState, ImmutableDictionary<string, TValue>, SpillReference?, TState> _with;
    private readonly Func<string, TValue, int> _sizeOf;
    private readonly ILogger _logger;

    // The dictionary whose pages storage holds, and their reference: an unchanged dictionary is not written again.
    private (ImmutableDictionary<string, TValue> Entries, SpillReference Reference)? _spilled;

    /// <param name="store">Where the pages go.</param>
    /// <param name="entriesOf">The dictionary of a state.</param>
    /// <param name="referenceOf">The reference a record holds.</param>
    /// <param name="with">A state with the dictionary and reference given.</param>
    /// <param name="sizeOf">An estimate of one entry's stored size in bytes.</param>
    /// <param name="logger">Where a failed clean-up is logged.</param>
    public SpilledDictionaryForm(
        SpillStore store,
        Func<TState, ImmutableDictionary<string, TValue>> entriesOf,
        Func<TState, SpillReference?> referenceOf,
        Func<TState, ImmutableDictionary<string, TValue>, SpillReference?, TState> with,
        Func<string, TValue, int> sizeOf,
        ILogger logger)
    {
        _store = store;
        _entriesOf = entriesOf;
        _referenceOf = referenceOf;
        _with = with;
        _sizeOf = sizeOf;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<TState> ToRecordAsync(TState state, TState? lastRecord)
    {
        var entries = _entriesOf(state);
        if (SpillStore.FitsInline(EstimateBytes(entries)))
        {
            return _with(state, entries, null);
        }

        if (_spilled is { } spilled && ReferenceEquals(spilled.Entries, entries))
        {
            return _with(state, ImmutableDictionary<string, TValue>.Empty, spilled.Reference);
        }

        var generation = (lastRecord is null ? 0 : _referenceOf(lastRecord)?.Generation ?? 0) + 1;
        var reference = await _store.WriteAsync(entries, generation, _sizeOf);
        _spilled = (entries, reference);
        return _with(state, ImmutableDictionary<string, TValue>.Empty, reference);
    }

    /// <inheritdoc />
    public async Task<TState> FromRecordAsync(TState record)
    {
        if (_referenceOf(record) is not { } reference)
        {
            return record;
        }

        var entries = await _store.ReadAsync<TValue>(reference);
        _spilled = (entries, reference);
        return _with(record, entries, null);
    }

    /// <inheritdoc />
    public async Task AfterStoredAsync(TState? previousRecord, TState record)
    {
        if (previousRecord is null || _referenceOf(previousRecord) is not { } old || Equals(old, _referenceOf(record)))
        {
            return;
        }

        try
        {
            await _store.DeleteAsync<TValue>(old);
        }
        catch (Exception ex)
        {
            // The record no longer names them: they are unreachable leftovers, not state. Say so and go on.
            LogCleanupFailed(_logger, ex, old.Generation, old.Pages);
        }
    }

    /// <inheritdoc />
    public async Task DeletePagesAsync(TState record)
    {
        if (_referenceOf(record) is { } reference)
        {
            await _store.DeleteAsync<TValue>(reference);
            _spilled = null;
        }
    }

    private long EstimateBytes(ImmutableDictionary<string, TValue> entries)
    {
        var total = 0L;
        foreach (var (key, value) in entries)
        {
            total += _sizeOf(key, value);
            if (!SpillStore.FitsInline(total))
            {
                break; // enough to know
            }
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {Pages} spilled page record(s) of generation {Generation}, which no state names any more.")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, int generation, int pages);
}
