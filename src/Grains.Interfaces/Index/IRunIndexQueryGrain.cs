namespace Tributary.Index;

/// <summary>Answers list queries over the run index (a stateless worker: any silo answers).</summary>
[Alias("tributary.run-index-query")]
public interface IRunIndexQueryGrain : IGrainWithIntegerKey
{
    /// <summary>One page of runs, newest first.</summary>
    /// <param name="filter">Which runs.</param>
    /// <param name="pageSize">At most this many runs, from 1 to 1000.</param>
    /// <param name="pageToken">A previous page's <see cref="FlowRunPage.NextPageToken"/>; <see langword="null"/> for the first page.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="pageToken"/> is not a token this index gave.</exception>
    [Alias("list")]
    Task<FlowRunPage> ListAsync(FlowRunFilter filter, int pageSize, string? pageToken);
}
