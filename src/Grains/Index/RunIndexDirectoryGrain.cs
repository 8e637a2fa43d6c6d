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

        var before = state.State;
        state.State = before with { Names = before.Names.Add(name) };
        try
        {
            await state.WriteReconciledAsync(storageRetry);
        }
        catch
        {
            state.State = before;
            throw;
        }
    }

    public Task<IReadOnlyList<string>> GetNamesAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Names]);
}
