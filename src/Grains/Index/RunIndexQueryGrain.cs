using System.Globalization;
using Orleans.Concurrency;

namespace Tributary.Index;

/// <summary>
/// Lists runs from the index: walks the hours with runs newest first (across the flows asked for), reading one hour's
/// partitions at a time, until a page is full. A page token names the last run given, so pages never repeat or skip a run.
/// </summary>
[StatelessWorker]
internal sealed class RunIndexQueryGrain : Grain, IRunIndexQueryGrain
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 1000;

    public async Task<FlowRunPage> ListAsync(FlowRunFilter filter, int pageSize, string? pageToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var after = pageToken is null ? ((DateTimeOffset, string)?)null : ParseToken(pageToken);
        var flows = filter.FlowName is { } flow
            ? [flow]
            : await GrainFactory.GetGrain<IRunIndexDirectoryGrain>(RunIndexKeys.Flows).GetNamesAsync();
        var hoursOfFlows = await Task.WhenAll(flows.Select(name => GrainFactory.GetGrain<IRunIndexDirectoryGrain>(RunIndexKeys.HoursOf(name)).GetNamesAsync()));
        var byHour = flows
            .SelectMany((name, i) => hoursOfFlows[i].Select(hour => (Hour: hour, Flow: name)))
            .Where(pair => after is not { } token || string.CompareOrdinal(pair.Hour, RunIndexKeys.Hour(token.Item1)) <= 0)
            .GroupBy(pair => pair.Hour)
            .OrderByDescending(group => group.Key, StringComparer.Ordinal);

        var runs = new List<FlowRunSummary>();
        foreach (var hour in byHour)
        {
            var partitions = await Task.WhenAll(hour.Select(pair =>
                GrainFactory.GetGrain<IFlowRunIndexGrain>(RunIndexKeys.Partition(pair.Flow, pair.Hour)).GetRunsAsync()));
            runs.AddRange(partitions.SelectMany(partition => partition)
                .Where(run => filter.Status is not { } status || run.Status == status)
                .Where(run => after is not { } token || IsAfter(run, token.Item1, token.Item2))
                .OrderByDescending(run => run.StartedAt)
                .ThenByDescending(run => run.FlowRunId, StringComparer.Ordinal));
            if (runs.Count > pageSize)
            {
                break; // later hours hold only older runs
            }
        }

        var page = runs.Take(pageSize).ToArray();
        return new FlowRunPage
        {
            Runs = page,
            NextPageToken = runs.Count > pageSize ? Token(page[^1]) : null,
        };
    }

    private static bool IsAfter(FlowRunSummary run, DateTimeOffset startedAt, string runId) =>
        run.StartedAt < startedAt || (run.StartedAt == startedAt && string.CompareOrdinal(run.FlowRunId, runId) < 0);

    private static string Token(FlowRunSummary last) =>
        $"{last.StartedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{last.FlowRunId}";

    private static (DateTimeOffset, string) ParseToken(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || dot == token.Length - 1)
        {
            throw new ArgumentException($"'{token}' is not a page token of the run index: pass a NextPageToken as it was given.", "pageToken");
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), token[(dot + 1)..]);
    }
}
