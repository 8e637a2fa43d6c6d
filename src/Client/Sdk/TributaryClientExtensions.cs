using System.Runtime.CompilerServices;
using Tributary.States;

namespace Tributary.Client;

/// <summary>Conveniences over any <see cref="ITributaryClient"/> (ours or a test double).</summary>
public static class TributaryClientExtensions
{
    /// <summary>A handle on the run <paramref name="flowRunId"/>; makes no call (an unknown id shows on the first call).</summary>
    /// <param name="client">The client.</param>
    /// <param name="flowRunId">The run's id.</param>
    public static FlowRunHandle GetFlowRunHandle(this ITributaryClient client, string flowRunId) => new(client, flowRunId);

    /// <summary>
    /// Every task run of the run, in a snapshot's order, read a page at a time (<see cref="ITributaryClient.GetTaskRunsPageAsync"/>):
    /// each page is one call that asks at most <paramref name="pageSize"/> task runs. A map that counts its list while
    /// the pages are read adds rows after the page being read; rows already given are not given again.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="flowRunId">The run; an unknown id gives no rows.</param>
    /// <param name="pageSize">Rows per call, from 1 to <see cref="TaskPageLimits.MaxLimit"/>. Default 100.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range.</exception>
    public static IAsyncEnumerable<TaskRunState> GetTaskRunsAsync(
        this ITributaryClient client, string flowRunId, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        TaskPageLimits.Check(0, pageSize, limitName: nameof(pageSize)); // at the call, not at the first MoveNextAsync
        return ReadPagesAsync(client, flowRunId, pageSize, cancellationToken);
    }

    private static async IAsyncEnumerable<TaskRunState> ReadPagesAsync(
        ITributaryClient client, string flowRunId, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int? offset = 0;
        while (offset is { } from)
        {
            var page = await client.GetTaskRunsPageAsync(flowRunId, from, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var task in page.Tasks)
            {
                yield return task;
            }

            offset = page.NextOffset;
        }
    }
}
