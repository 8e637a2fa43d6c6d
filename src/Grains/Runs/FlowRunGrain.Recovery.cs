using Tributary.Recovery;
using Tributary.States;

namespace Tributary.Runs;

// Recovery from a silo's death (src/Grains/Recovery): while the run runs, it is listed with the silo its activation
// lives on, locally (so a death elsewhere makes it check its tasks at once) and in that silo's persisted list (so that,
// should this silo die, the silos left wake it at once).
internal sealed partial class FlowRunGrain : IFlowRunRecovery
{
    private string? _listedWith;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Only the local list: the silo's persisted list keeps the run, so that if this is a silo stopping, the silos
        // left wake the run as soon as it is gone (a stale entry only costs one call, after the silo's death).
        _localRuns.Remove(State.FlowRunId);
        return Task.CompletedTask;
    }

    public Task WakeAsync() => Task.CompletedTask; // the activation did the work (OnActivateAsync)

    public Task CheckTasksNowAsync()
    {
        if (State.Status == FlowRunStatus.Running && _progressTimer is not null)
        {
            _progressTimer.Change(TimeSpan.Zero, _options.ProgressCheckInterval);
        }

        return Task.CompletedTask;
    }

    /// <summary>Lists the run with this silo (called whenever its progress checks start).</summary>
    private void ListWithThisSilo()
    {
        _localRuns.Add(State.FlowRunId);
        var silo = _localRuns.SiloKey;
        if (_listedWith == silo)
        {
            return;
        }

        _listedWith = silo;
        ObserveListing(GrainFactory.GetGrain<ISiloRunsGrain>(silo).AddAsync(State.FlowRunId), "listed");
    }

    /// <summary>Takes the run off this silo's lists (it ended).</summary>
    private void UnlistFromThisSilo()
    {
        _localRuns.Remove(State.FlowRunId);
        if (_listedWith is { } silo)
        {
            _listedWith = null;
            ObserveListing(GrainFactory.GetGrain<ISiloRunsGrain>(silo).RemoveAsync(State.FlowRunId), "unlisted");
        }
    }

    private void ObserveListing(Task listing, string what) =>
        listing.ContinueWith(
            failed => LogListingFailed(_logger, failed.Exception!, State.FlowRunId, what),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Current);
}
