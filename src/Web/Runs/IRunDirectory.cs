namespace Tributary.Web.Runs;

/// <summary>
/// Which runs the run pages list. The host registers <see cref="RunIndexDirectory"/> unless another implementation is
/// registered first (another source of runs, for example): the pages then list its runs.
/// </summary>
public interface IRunDirectory
{
    /// <summary>Whether this directory can list runs at all; when not, the index page only offers to open a run by its id.</summary>
    bool CanList { get; }

    /// <summary>The ids of the most recent runs, newest first.</summary>
    /// <param name="limit">How many at most.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    Task<IReadOnlyList<string>> ListRecentRunIdsAsync(int limit, CancellationToken cancellationToken = default);
}
