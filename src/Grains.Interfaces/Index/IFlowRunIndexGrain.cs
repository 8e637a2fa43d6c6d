using Orleans.Concurrency;

namespace Tributary.Index;

/// <summary>
/// One partition of the run index, keyed <c>"{flowName}/{yyyy-MM-ddTHH}"</c> (see <see cref="RunIndexKeys"/>): the runs
/// of one flow started in one UTC hour. Partitioned so that no grain is hot for every run or grows for ever.
/// </summary>
[Alias("tributary.flow-run-index")]
public interface IFlowRunIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds the run or updates its entry (its status changes); the first run of the partition lists the hour in its flow's directory.</summary>
    /// <param name="summary">The run as it is now.</param>
    [Alias("record")]
    Task RecordAsync(FlowRunSummary summary);

    /// <summary>The partition's runs.</summary>
    [AlwaysInterleave, Alias("get-runs")]
    Task<IReadOnlyList<FlowRunSummary>> GetRunsAsync();

    /// <summary>Removes a run's entry (a deleted run); a run not listed here is a no-op.</summary>
    /// <param name="flowRunId">The run.</param>
    [Alias("remove")]
    Task RemoveAsync(string flowRunId);
}
