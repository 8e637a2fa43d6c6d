using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Placement;
using Tributary.Runs;
using Tributary.Storage;

namespace Tributary.Recovery;

/// <summary>
/// One silo's list of running flow runs (see <see cref="ISiloRunsGrain"/>). Reentrant, so that the runs that start
/// while a write is in flight share the next write rather than queue one each.
/// </summary>
[Reentrant]
[PreferLocalPlacement]
internal sealed partial class SiloRunsGrain(
    [PersistentState("silo-runs", TributaryStorage.Name)] IPersistentState<SiloRunsState> state,
    StorageRetry storageRetry,
    ILogger<SiloRunsGrain> logger) : Grain, ISiloRunsGrain
{
    private readonly CoalescedWrites _writes = new(() => state.WriteReconciledAsync(storageRetry));
    private Task<int>? _waking;

    public Task AddAsync(string flowRunId)
    {
        ArgumentException.ThrowIfNullOrEmpty(flowRunId);
        if (state.State.FlowRunIds.Contains(flowRunId))
        {
            return Task.CompletedTask;
        }

        state.State = state.State with { FlowRunIds = state.State.FlowRunIds.Add(flowRunId) };
        return _writes.WriteAsync();
    }

    public Task RemoveAsync(string flowRunId)
    {
        ArgumentException.ThrowIfNullOrEmpty(flowRunId);
        if (!state.State.FlowRunIds.Contains(flowRunId))
        {
            return Task.CompletedTask;
        }

        state.State = state.State with { FlowRunIds = state.State.FlowRunIds.Remove(flowRunId) };
        return _writes.WriteAsync();
    }

    public async Task<int> WakeAllAsync()
    {
        // Every silo left calls this when the silo dies: the first does the work, the others wait for it.
        if (_waking is { } waking)
        {
            await waking;
            return 0;
        }

        _waking = WakeListedRunsAsync();
        try
        {
            return await _waking;
        }
        finally
        {
            _waking = null;
        }
    }

    private async Task<int> WakeListedRunsAsync()
    {
        var listed = state.State.FlowRunIds;
        if (listed.IsEmpty)
        {
            return 0;
        }

        // A call may first reach the dead silo (the directory not yet updated) and be refused: it is retried.
        var woken = await Task.WhenAll(listed.Select(async id =>
        {
            try
            {
                await storageRetry.ExecuteAsync(_ => GrainFactory.GetGrain<IFlowRunRecovery>(id).WakeAsync());
                return id;
            }
            catch (Exception ex)
            {
                LogWakeFailed(logger, ex, id, this.GetPrimaryKeyString());
                return null;
            }
        }));

        // The woken runs list themselves with the silo they now live on; the ones that could not be woken stay here.
        state.State = state.State with { FlowRunIds = state.State.FlowRunIds.Except(woken.OfType<string>()) };
        await _writes.WriteAsync();
        if (state.State.FlowRunIds.IsEmpty)
        {
            DeactivateOnIdle();
        }

        return woken.Count(id => id is not null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow run {FlowRunId}, listed on dead silo {Silo}, could not be woken; its progress reminder picks it up.")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, string flowRunId, string silo);
}
