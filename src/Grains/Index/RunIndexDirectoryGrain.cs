using Tributary.Runs;
using Tributary.Storage;

namespace Tributary.Index;

/// <summary>A directory of the run index: the flows that have runs, or one flow's hours with runs (see <see cref="RunIndexKeys"/>).</summary>
internal sealed class RunIndexDirectoryGrain(
    [PersistentState("index-directory", TributaryStorage.Name)] IPersistentState<RunIndexDirectoryState> state,
    StorageRetry storageRetry) : Grain, IRunIndexDirectoryGrain
{
    public async Task AddAsync(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (state.State.Names.Contains(name))
        {
            return;
        }

        await state.WriteOrRestoreAsync(state.State with { Names = state.State.Names.Add(name) }, storageRetry);
    }

    public Task<IReadOnlyList<string>> GetNamesAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Names]);
}
