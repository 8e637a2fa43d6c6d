using Orleans.Concurrency;

namespace Tributary.Index;

/// <summary>
/// A directory of the run index (see <see cref="RunIndexKeys"/>): under <see cref="RunIndexKeys.Flows"/> the flows that
/// have runs; under <see cref="RunIndexKeys.HoursOf"/> one flow's UTC hours with runs. Written once per new flow or hour.
/// </summary>
[Alias("tributary.run-index-directory")]
public interface IRunIndexDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds a name (a no-op when it is there).</summary>
    /// <param name="name">The name.</param>
    [Alias("add")]
    Task AddAsync(string name);

    /// <summary>The names, in ordinal order.</summary>
    [AlwaysInterleave, Alias("get-names")]
    Task<IReadOnlyList<string>> GetNamesAsync();
}
