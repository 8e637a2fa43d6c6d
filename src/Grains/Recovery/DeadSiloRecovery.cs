using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Tributary.Recovery;

/// <summary>
/// Picks runs up as soon as membership declares a silo dead, instead of waiting for a progress check or a reminder:
/// every running flow run on this silo checks its started tasks at once (a task whose attempt died with the silo
/// reactivates elsewhere and runs again; a retry that was waiting there re-arms its timer), and the flow runs that
/// lived on the dead silo are woken from its persisted list (<see cref="ISiloRunsGrain"/>). Every silo left does this;
/// the dead silo's list is worked through once.
/// </summary>
internal sealed partial class DeadSiloRecovery(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IGrainFactory grains,
    LocalFlowRuns localRuns,
    ILogger<DeadSiloRecovery> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    // At start, the silos already dead whose lists are worth a look: the newest few (a list is emptied when read, and
    // older silos' lists were worked through by the silos that saw them die).
    private const int DeadAtStartToCheck = 8;

    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<SiloAddress> _handled = [];
    private Task _watching = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DeadSiloRecovery), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _watching = Task.Run(() => WatchAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watching.WaitAsync(cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task WatchAsync(CancellationToken stopping)
    {
        try
        {
            var first = true;
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stopping))
            {
                var dead = snapshot.Members.Values
                    .Where(member => member.Status == SiloStatus.Dead && !member.SiloAddress.Equals(localSilo.SiloAddress) && !_handled.Contains(member.SiloAddress))
                    .Select(member => member.SiloAddress)
                    .ToList();
                _handled.UnionWith(dead);
                if (first)
                {
                    // Died before this silo joined: only their lists, and only the newest few.
                    first = false;
                    dead = [.. dead.OrderByDescending(silo => silo.Generation).Take(DeadAtStartToCheck)];
                    await Task.WhenAll(dead.Select(silo => WakeRunsOfAsync(silo, checkLocalRuns: false)));
                    continue;
                }

                await Task.WhenAll(dead.Select(silo => WakeRunsOfAsync(silo, checkLocalRuns: true)));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The silo is stopping.
        }
        catch (Exception ex)
        {
            // The progress checks and reminders still pick runs up, only later.
            LogWatchFailed(logger, ex);
        }
    }

    private async Task WakeRunsOfAsync(SiloAddress dead, bool checkLocalRuns)
    {
        var started = Stopwatch.GetTimestamp();
        var local = checkLocalRuns ? localRuns.Snapshot() : [];
        var checks = local.Select(async id =>
        {
            try
            {
                await grains.GetGrain<IFlowRunRecovery>(id).CheckTasksNowAsync();
            }
            catch (Exception ex)
            {
                LogCheckFailed(logger, ex, id, dead);
            }
        });
        var woken = 0;
        try
        {
            var wakeAll = grains.GetGrain<ISiloRunsGrain>(SiloRunsKey.Of(dead)).WakeAllAsync();
            await Task.WhenAll(checks);
            woken = await wakeAll;
        }
        catch (Exception ex)
        {
            LogWakeFailed(logger, ex, dead);
        }

        LogSiloDead(logger, dead, local.Count, woken, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} is dead: {Checked} local flow runs checked their tasks, {Woken} runs that lived there woken, in {Milliseconds:F0} ms.")]
    private static partial void LogSiloDead(ILogger logger, SiloAddress silo, int @checked, int woken, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow run {FlowRunId} could not check its tasks after silo {Silo} died; its next progress check will.")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string flowRunId, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The runs that lived on dead silo {Silo} could not be woken; their progress reminders pick them up.")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Error, Message = "Watching membership for dead silos failed; runs on a dead silo now wait for their progress check or reminder.")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}
