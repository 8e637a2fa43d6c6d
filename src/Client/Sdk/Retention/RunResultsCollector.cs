using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Client.Retention;

/// <summary>
/// Finds every result one run stored: the safe values its task runs' states name, and, through handlers that list
/// (<see cref="IResultLocationLister"/>), whatever else lies under the run's key prefix on each day it ran.
/// </summary>
internal static class RunResultsCollector
{
    /// <summary>Days swept at most per handler and run (a run that lasted longer has its last days swept).</summary>
    private const int MaxSweptDays = 366;

    /// <summary>The results of the run a snapshot shows.</summary>
    /// <param name="snapshot">The run, final.</param>
    /// <param name="handlers">The client's catalog (handlers it cannot build are not swept; deleting their results reports the error).</param>
    /// <param name="cached">What unexpired cache entries serve: kept.</param>
    /// <param name="now">Today's end of a sweep when the run has no end.</param>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    public static async Task<RunResults> CollectAsync(
        FlowRunSnapshot snapshot,
        IResultHandlerCatalog handlers,
        IReadOnlySet<LocationKey> cached,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var named = new Dictionary<LocationKey, StoredResult>();
        foreach (var task in snapshot.Tasks)
        {
            if (task.Output is { } output)
            {
                Add(named, new StoredResult(task.TaskName, StoredResultRole.Output, null, output));
            }

            foreach (var (input, result) in task.CachedInputs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Add(named, new StoredResult(task.TaskName, StoredResultRole.CachedInput, input, result));
            }
        }

        var descriptors = snapshot.Tasks.Select(task => task.ResultHandler).OfType<ResultHandlerDescriptor>()
            .Concat(named.Keys.Select(key => key.Handler))
            .Where(descriptor => descriptor.Kind != JsonResultHandler.Kind)
            .Distinct()
            .ToList(); // the sweeps add to 'named'
        // A descriptor the handler completes (s3 naming no bucket: the configured one) and the handler's own descriptor,
        // which its safe values carry, list the same objects: sweep each handler once, naming what it finds as its safe
        // values do, so that a named result is not listed again as unnamed.
        var swept = new HashSet<ResultHandlerDescriptor>();
        foreach (var descriptor in descriptors)
        {
            if (HandlerOf(descriptor, handlers) is not { } handler || !swept.Add(handler.Descriptor))
            {
                continue;
            }

            foreach (var location in await SweepAsync(snapshot.Flow, handler, now, cancellationToken).ConfigureAwait(false))
            {
                var result = new SafeResult(location.ToJsonString(), handler.Descriptor);
                named.TryAdd(LocationKey.Of(result), new StoredResult(TaskOf(snapshot.Flow, result), StoredResultRole.Unnamed, null, result));
            }
        }

        var all = named.Values.ToArray();
        return new RunResults
        {
            FlowRunId = snapshot.Flow.FlowRunId,
            FlowName = snapshot.Flow.FlowName,
            Status = snapshot.Flow.Status,
            FinishedAt = snapshot.Flow.FinishedAt,
            Results = [.. all.Where(result => !cached.Contains(LocationKey.Of(result.Result)))],
            KeptForCache = [.. all.Where(result => cached.Contains(LocationKey.Of(result.Result)))],
        };
    }

    private static void Add(Dictionary<LocationKey, StoredResult> named, StoredResult result)
    {
        // The JSON handler's "location" is the data, held by the state: it goes when the run's state goes.
        if (result.Result.Handler.Kind != JsonResultHandler.Kind)
        {
            named.TryAdd(LocationKey.Of(result.Result), result);
        }
    }

    private static IResultHandler? HandlerOf(ResultHandlerDescriptor descriptor, IResultHandlerCatalog handlers)
    {
        try
        {
            return handlers.GetHandler(descriptor);
        }
        catch (UnknownResultHandlerException)
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<JsonNode>> SweepAsync(
        FlowRunState run, IResultHandler handler, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (handler is not IResultLocationLister lister || run.StartedAt is not { } started)
        {
            return [];
        }

        // Keys are dated by the day they were made (a task's first start, a retry's caching): every day of the run.
        var first = DateOnly.FromDateTime(started.UtcDateTime);
        var last = DateOnly.FromDateTime((run.FinishedAt ?? now).UtcDateTime);
        if (last.DayNumber - first.DayNumber >= MaxSweptDays)
        {
            first = last.AddDays(-(MaxSweptDays - 1));
        }

        var found = new List<JsonNode>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            found.AddRange(await lister.ListRunLocationsAsync(run.FlowName, run.FlowRunId, day, cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    // The task segment of a swept location (…/flow/run/task/attempt-N), for the table; the location says the rest.
    private static string TaskOf(FlowRunState run, SafeResult result)
    {
        var parts = LocationKey.TextOf(result.Handler, result.Json).Replace('\\', '/').Split('/');
        return parts.Length >= 2 ? parts[^2] : run.FlowRunId;
    }
}
