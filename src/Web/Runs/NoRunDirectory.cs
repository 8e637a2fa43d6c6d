namespace Tributary.Web.Runs;

/// <summary>A directory that knows no runs: the index page opens a run by the id the command line printed.</summary>
public sealed class NoRunDirectory : IRunDirectory
{
    /// <inheritdoc />
    public bool CanList => false;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListRecentRunIdsAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
