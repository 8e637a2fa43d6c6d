using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Caching;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Options;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Runs;

// Output caching (TaskOptions.CacheFor): before a cached task's code runs, the entries under its key are checked, newest
// first, with its validator; the first valid one answers (read back through its handler) and the task ends Cached without
// running. Otherwise it runs (holding the key's compute lease, so a concurrent run with the same compared values waits for
// its entry instead of computing too), its output is written through its handler and added as an entry, and it ends
// Cached. The cache never fails a run: when it cannot be used, the task runs as if it did not cache.
internal sealed partial class TaskRunGrain
{
    // One call to the cache grain waits at most this long for a lease (kept under Orleans' response timeout).
    private static readonly TimeSpan CacheWaitSlice = TimeSpan.FromSeconds(2);

    private CacheCheck? _cacheCheck;

    private CacheOptions CacheSettings => ServiceProvider.GetRequiredService<IOptions<CacheOptions>>().Value;

    private ICacheGrain CacheGrainOf(string key) => GrainFactory.GetGrain<ICacheGrain>(key);

    /// <summary>Answers the attempt from the cache when a valid entry exists; otherwise takes (or waits for) the compute lease.</summary>
    /// <returns>The status the attempt ended in (Cached) when the cache answered; <see langword="null"/> to run the code.</returns>
    private async Task<TaskRunStatus?> TryAnswerFromCacheAsync(TaskNode node, AttemptInputs inputs)
    {
        var (status, outcome) = await CheckCacheAsync(node, inputs);
        ServiceProvider.GetRequiredService<CacheTelemetry>().Lookups.Add(
            1,
            new TagList { { "flow", State.FlowName }, { "task", _taskName }, { "key", _cacheCheck?.Key ?? CacheDefinitionCheck.KeyOf(State.FlowName, node) }, { "outcome", outcome } });
        return status;
    }

    private async Task<(TaskRunStatus? Status, string Outcome)> CheckCacheAsync(TaskNode node, AttemptInputs inputs)
    {
        _cacheCheck = null;
        CacheCheck check;
        try
        {
            check = await PrepareCacheCheckAsync(node, inputs);
        }
        catch (Exception ex)
        {
            LogCacheUnavailable(_logger, ex, _flowRunId, _taskName);
            return (null, "unavailable");
        }

        _cacheCheck = check;
        var cache = CacheGrainOf(check.Key);
        var holder = $"{_flowRunId}/{_taskName}";
        try
        {
            if (check.Refresh)
            {
                LogCacheRefresh(_logger, _flowRunId, _taskName, check.Key);
                return (null, "refresh");
            }

            if (ReferenceEquals(check.Validator, CacheValidator.NeverUse))
            {
                return (null, "miss"); // no entry can answer, so there is nothing to wait for: concurrent runs compute side by side
            }

            DateTimeOffset? deadline = null;
            while (true)
            {
                if (await TryHitAsync(node, check, cache) is { } status)
                {
                    return (status, "hit");
                }

                var lease = await cache.TryLeaseAsync(check.Fingerprint, holder, CacheSettings.ComputeLeaseTimeout);
                if (lease.Granted)
                {
                    check.HoldsLease = true;
                    // The holder before may have added its entry between the check above and this grant: look once more.
                    if (await TryHitAsync(node, check, cache) is { } late)
                    {
                        ReleaseCacheLease();
                        return (late, "hit");
                    }

                    return (null, "miss");
                }

                // Another run computes the same entry: wait for it (then check again), up to the lease's timeout.
                deadline ??= _time.GetUtcNow() + CacheSettings.ComputeLeaseTimeout;
                LogCacheWaiting(_logger, _flowRunId, _taskName, check.Key, lease.Holder);
                var free = false;
                while (!free && _time.GetUtcNow() < deadline)
                {
                    free = await cache.WaitForLeaseAsync(check.Fingerprint, CacheWaitSlice);
                }

                if (!free)
                {
                    LogCacheWaitTimedOut(_logger, _flowRunId, _taskName, check.Key);
                    return (null, "miss"); // computes without the lease; its entry is added like any other
                }
            }
        }
        catch (Exception ex)
        {
            LogCacheUnavailable(_logger, ex, _flowRunId, _taskName);
            return (null, "unavailable");
        }
    }

    private async Task<CacheCheck> PrepareCacheCheckAsync(TaskNode node, AttemptInputs inputs)
    {
        var validator = node.Options.CacheValidator ?? CacheValidator.DurationOnly;
        var digester = ServiceProvider.GetRequiredService<CacheDigester>();
        var inputDigests = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Origins.Length; i++)
        {
            var origin = inputs.Origins[i];
            if (validator.Inputs.Selects(origin.InputName))
            {
                inputDigests[origin.InputName] = digester.OfValue(inputs.Values[i], origin.InputType);
            }
        }

        // The run's state carries its parameters (for validators that compare them) and whether it refreshes the cache.
        var run = await GrainReferences.Of<IFlowRunGrain>(GrainFactory, _flowRunId).GetStateAsync();
        var parameterDigests = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (!validator.Parameters.IsNone)
        {
            foreach (var (name, json) in run.Parameters)
            {
                if (validator.Parameters.Selects(name))
                {
                    parameterDigests[name] = digester.OfJson(json);
                }
            }
        }

        var inputsDone = inputDigests.ToImmutable();
        var parametersDone = parameterDigests.ToImmutable();
        return new CacheCheck(
            CacheDefinitionCheck.KeyOf(State.FlowName, node),
            node.Options.CacheVersion,
            validator,
            inputsDone,
            parametersDone,
            CacheDigester.Fingerprint(inputsDone, parametersDone),
            TaskCodeIdentities.Of(node),
            Refresh: RefreshesCache(run));
    }

    /// <summary>Checks the key's entries newest first; the first valid and readable one ends the task Cached.</summary>
    private async Task<TaskRunStatus?> TryHitAsync(TaskNode node, CacheCheck check, ICacheGrain cache)
    {
        var entries = await cache.GetEntriesAsync(check.Version);
        var context = new CacheValidationContext(_time.GetUtcNow(), check.InputDigests, check.ParameterDigests);
        foreach (var entry in entries)
        {
            bool valid;
            try
            {
                valid = check.Validator.IsValid(entry, context);
            }
            catch (Exception ex)
            {
                LogCacheValidatorFailed(_logger, ex, _flowRunId, _taskName, check.Validator.ToString() ?? "validator", entry.Id);
                valid = false;
            }

            if (!valid)
            {
                continue;
            }

            Result output;
            try
            {
                output = (Result)await entry.Output.ToResultAsync(_handlers);
            }
            catch (ResultLocationNotFoundException ex)
            {
                // Its output is gone (deleted, expired by the storage's own retention): the entry is dropped, the next is tried.
                LogCacheEntryGone(_logger, ex, _flowRunId, _taskName, check.Key, entry.Id);
                await RemoveQuietlyAsync(cache, check.Key, entry.Id);
                continue;
            }
            catch (Exception ex)
            {
                LogCacheEntryUnreadable(_logger, ex, _flowRunId, _taskName, check.Key, entry.Id);
                continue;
            }

            if (entry.CodeIdentity is { } code && code != check.CodeIdentity)
            {
                LogCacheCodeChanged(_logger, _flowRunId, _taskName, check.Key, entry.Id, entry.FlowRunId, entry.TaskName);
            }

            cache.RecordHitAsync(entry.Id).Ignore();
            return await EndFromCacheAsync(entry, check, output);
        }

        return null;
    }

    private async Task<TaskRunStatus> EndFromCacheAsync(CacheEntry entry, CacheCheck check, Result output)
    {
        if (_deactivated)
        {
            return TaskRunStatus.Running; // see SucceedAsync
        }

        _output = output;
        _payload = null;
        var message = $"Cache hit: entry {entry.Id} of '{check.Key}', made by {entry.FlowRunId}/{entry.TaskName} at {entry.CreatedAt:u}; the code did not run.";
        var copies = End(TaskRunStatus.Cached, entry.Output, message);
        LogCacheHit(_logger, _flowRunId, _taskName, check.Key, entry.Id);
        await _state.WriteAsync();
        await DeleteCachedCopiesAsync(copies);
        await ReportAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Cached, KeepsStoredOutput = true });
        await UnregisterRetryReminderAsync();
        return TaskRunStatus.Cached;
    }

    /// <summary>
    /// After the code of a cached task succeeded and its output was written (<paramref name="stored"/>): adds the entry
    /// (which releases the lease). A failure is logged: the task still succeeds.
    /// </summary>
    /// <returns>The message for the task's state.</returns>
    private async Task<string> AddCacheEntryAsync(TaskNode node, SafeResult stored)
    {
        var check = _cacheCheck;
        _cacheCheck = null;
        if (check is null)
        {
            return "Ran; its output could not be cached (the cache was unavailable when it started).";
        }

        var now = _time.GetUtcNow();
        var cacheFor = node.Options.CacheFor!.Value;
        var entry = new CacheEntry
        {
            Id = CacheEntries.NewId(now),
            Output = stored,
            Version = check.Version,
            InputDigests = check.Validator.Inputs.IsNone ? null : check.InputDigests,
            ParameterDigests = check.Validator.Parameters.IsNone ? null : check.ParameterDigests,
            FlowName = State.FlowName,
            FlowRunId = _flowRunId,
            TaskName = _taskName,
            CreatedAt = now,
            ExpiresAt = cacheFor == Timeout.InfiniteTimeSpan || cacheFor >= DateTimeOffset.MaxValue - now ? null : now + cacheFor,
            CodeIdentity = check.CodeIdentity,
        };
        try
        {
            await CacheGrainOf(check.Key).AddAsync(entry, check.Fingerprint);
            return entry.ExpiresAt is { } expires
                ? $"Ran; cached as entry {entry.Id} of '{check.Key}' until {expires:u}."
                : $"Ran; cached as entry {entry.Id} of '{check.Key}' (never expires).";
        }
        catch (Exception ex)
        {
            LogCacheAddFailed(_logger, ex, _flowRunId, _taskName, check.Key);
            return $"Ran; its output could not be cached under '{check.Key}'.";
        }
    }

    /// <summary>Gives up the compute lease after an attempt that added no entry (failed, skipped).</summary>
    private void ReleaseCacheLease()
    {
        if (_cacheCheck is { HoldsLease: true } check)
        {
            CacheGrainOf(check.Key).ReleaseLeaseAsync(check.Fingerprint, $"{_flowRunId}/{_taskName}").Ignore();
        }

        _cacheCheck = null;
    }

    private static bool RefreshesCache(FlowRunState run) => run.RefreshCache;

    private async Task RemoveQuietlyAsync(ICacheGrain cache, string key, string entryId)
    {
        try
        {
            await cache.RemoveAsync(entryId);
        }
        catch (Exception ex)
        {
            LogCacheAddFailed(_logger, ex, _flowRunId, _taskName, key);
        }
    }
}
