using Tributary.Index;

namespace Tributary.Web.Runs;

/// <summary>The runs the cluster's run index knows (<see cref="IRunIndexQueryGrain"/>), newest first, of every flow.</summary>
/// <param name="grains">The silo's grain factory.</param>
public sealed class RunIndexDirectory(IGrainFactory grains) : IRunDirectory
{
    /// <inheritdoc />
    public bool CanList => true;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListRecentRunIdsAsync(int limit, CancellationToken cancellationToken = default)
    {
        // The query grain is a stateless worker: key 0 is any local activation.
        var page = await grains.GetGrain<IRunIndexQueryGrain>(0).ListAsync(new FlowRunFilter(), limit, pageToken: null)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return page.Runs.Select(run => run.FlowRunId).ToArray();
    }
}
