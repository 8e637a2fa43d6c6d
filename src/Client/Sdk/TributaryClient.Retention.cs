using Tributary.Caching;
using Tributary.Client.Retention;
using Tributary.Grains;
using Tributary.Index;
using Tributary.States;

namespace Tributary.Client;

// Retention: plans and deletes runs' stored results through their handlers, on this client, and deletes runs.
public sealed partial class TributaryClient : ITributaryRetentionClient
{
    /// <inheritdoc />
    public async Task<ResultDeletionPlan> PlanResultDeletionAsync(RetentionSelection selection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var snapshots = new List<FlowRunSnapshot>();
        if (selection.FlowRunId is { } runId)
        {
            var snapshot = await GetFlowRunAsync(runId, cancellationToken).ConfigureAwait(false);
            snapshots.Add(snapshot.Flow.Status switch
            {
                FlowRunStatus.NotFound => throw new FlowRunNotFoundException(runId),
                FlowRunStatus.Running => throw new InvalidOperationException(
                    $"Flow run '{runId}' is still running: its results are not deleted while it runs (cancel it, or wait for its end)."),
                _ => snapshot,
            });
        }
        else
        {
            foreach (var run in await EndedRunsAsync(selection, cancellationToken).ConfigureAwait(false))
            {
                // The index's status can lag the run's own by one call (a resume): the run's own state decides.
                var snapshot = await GetFlowRunAsync(run.FlowRunId, cancellationToken).ConfigureAwait(false);
                if (snapshot.Flow.Status is not (FlowRunStatus.NotFound or FlowRunStatus.Running))
                {
                    snapshots.Add(snapshot);
                }
            }
        }

        var cached = await CachedLocationsAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<RunResults>(snapshots.Count);
        foreach (var snapshot in snapshots)
        {
            runs.Add(await RunResultsCollector.CollectAsync(snapshot, Handlers, cached, Time.GetUtcNow(), cancellationToken).ConfigureAwait(false));
        }

        return new ResultDeletionPlan { Selection = selection, Runs = runs };
    }

    /// <inheritdoc />
    public async Task<ResultDeletionReport> DeleteResultsAsync(ResultDeletionPlan plan, bool deleteRuns = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reports = new List<RunDeletionReport>(plan.Runs.Count);
        foreach (var run in plan.Runs)
        {
            var state = await Retry.ExecuteAsync(
                $"getting flow run '{run.FlowRunId}'",
                token => Cluster.GetGrain<IFlowRunGrain>(run.FlowRunId).GetStateAsync().WaitAsync(token),
                cancellationToken).ConfigureAwait(false);
            if (state.Status == FlowRunStatus.Running)
            {
                reports.Add(new RunDeletionReport
                {
                    FlowRunId = run.FlowRunId, Results = [], KeptForCache = run.KeptForCache,
                    Skipped = "running again since the plan was made: nothing deleted",
                });
                continue;
            }

            var results = await RunResultsDeleter.DeleteAsync(run.Results, Handlers, cancellationToken).ConfigureAwait(false);
            var report = new RunDeletionReport { FlowRunId = run.FlowRunId, Results = results, KeptForCache = run.KeptForCache };
            if (deleteRuns && report.Cleaned)
            {
                // Only once every result is gone: a run whose result is left still names it, for the next deletion.
                try
                {
                    report = report with { RunDeleted = await DeleteFlowRunAsync(run.FlowRunId, cancellationToken).ConfigureAwait(false) };
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    report = report with { RunError = $"{ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" ") };
                }
            }

            reports.Add(report);
        }

        return new ResultDeletionReport { Runs = reports };
    }

    /// <inheritdoc />
    public async Task<ResultDeletionReport> DeleteResultsAsync(RetentionSelection selection, bool deleteRuns = false, CancellationToken cancellationToken = default) =>
        await DeleteResultsAsync(await PlanResultDeletionAsync(selection, cancellationToken).ConfigureAwait(false), deleteRuns, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<bool> DeleteFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        // Tried again on a lost gateway: deleting twice is harmless (the second finds nothing, or what the first left).
        return Retry.ExecuteAsync(
            $"deleting flow run '{flowRunId}'",
            token => Cluster.GetGrain<IFlowRunGrain>(flowRunId).DeleteAsync().WaitAsync(token),
            cancellationToken);
    }

    /// <summary>The runs of the index (of one flow, if asked) that ended before the selection's cut-off, whatever their page.</summary>
    private async Task<List<FlowRunSummary>> EndedRunsAsync(RetentionSelection selection, CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - selection.OlderThan!.Value;
        var filter = new FlowRunFilter { FlowName = selection.FlowName };
        var ended = new List<FlowRunSummary>();
        string? token = null;
        do
        {
            var page = await ListFlowRunsAsync(filter, 1000, token, cancellationToken).ConfigureAwait(false);
            ended.AddRange(page.Runs.Where(run => run.Status != FlowRunStatus.Running && run.FinishedAt is { } finished && finished < cutoff));
            token = page.NextPageToken;
        }
        while (token is not null);
        return ended;
    }

    /// <summary>The locations unexpired cache entries serve (shared with later runs: left to the cache).</summary>
    private async Task<IReadOnlySet<LocationKey>> CachedLocationsAsync(CancellationToken cancellationToken)
    {
        var locations = new HashSet<LocationKey>();
        foreach (var key in await ListCacheKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (CacheEntry entry in await ListCacheEntriesAsync(key, cancellationToken).ConfigureAwait(false))
            {
                locations.Add(LocationKey.Of(entry.Output));
            }
        }

        return locations;
    }
}
