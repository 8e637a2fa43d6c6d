using Tributary.Grains;
using Tributary.States;

namespace Tributary.Client;

// Calls whose cost does not grow with the run's size: a page of the task table, the run's progress, and a wait that
// follows the progress version by long poll.
public sealed partial class TributaryClient
{
    /// <inheritdoc />
    public Task<TaskRunPage> GetTaskRunsPageAsync(string flowRunId, int offset = 0, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        TaskPageLimits.Check(offset, limit); // here, so a wrong argument never reaches the cluster nor is tried again
        var grain = Cluster.GetGrain<IFlowRunGrain>(flowRunId);
        return Retry.ExecuteAsync(
            $"getting tasks {offset}..{offset + limit - 1} of flow run '{flowRunId}'",
            token => grain.GetTaskPageAsync(offset, limit).WaitAsync(token),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<FlowRunProgress> GetFlowRunProgressAsync(string flowRunId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        var grain = Cluster.GetGrain<IFlowRunGrain>(flowRunId);
        // No version held: the grain answers at once.
        return Retry.ExecuteAsync(
            $"getting the progress of flow run '{flowRunId}'",
            token => grain.WaitForChangeAsync(null, TimeSpan.Zero, token),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<FlowRunProgress> WaitForFlowRunProgressAsync(
        string flowRunId,
        TimeSpan timeout,
        IProgress<FlowRunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        var grain = Cluster.GetGrain<IFlowRunGrain>(flowRunId);
        using var expiry = new CancellationTokenSource(timeout, Time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        var waiting = $"waiting for flow run '{flowRunId}'";
        try
        {
            string? version = null;
            while (true)
            {
                var changed = await Retry.ExecuteAsync(waiting, token => grain.WaitForChangeAsync(version, WaitSlice, token), deadline.Token).ConfigureAwait(false);
                if (changed.Status == FlowRunStatus.NotFound)
                {
                    throw new FlowRunNotFoundException(flowRunId);
                }

                if (changed.Version != version || changed.Status.IsFinal())
                {
                    version = changed.Version;
                    progress?.Report(changed);
                }

                if (changed.Status.IsFinal())
                {
                    return changed;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Flow run '{flowRunId}' is not finished after {timeout}.");
        }
        catch (Exception ex) when (ex is TimeoutException or ClusterUnreachableException && expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The wait's own time ran out while a call was being tried again: that is what the caller asked about.
            throw new TimeoutException($"Flow run '{flowRunId}' is not finished after {timeout}.");
        }
    }
}
