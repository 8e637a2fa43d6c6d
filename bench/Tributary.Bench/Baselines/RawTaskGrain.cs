using Tributary.Bench.Workloads;

namespace Tributary.Bench.Baselines;

public sealed class RawTaskGrain([PersistentState("raw", "raw")] IPersistentState<RawTaskState> state) : Grain, IRawTaskGrain
{
    public async Task<byte[]> RunAsync(byte[] input, bool failFirst)
    {
        state.State.Attempts++;
        if (failFirst && state.State.Attempts == 1)
        {
            throw new InvalidOperationException("fails once");
        }

        state.State.Output = Payloads.Next(input);
        await state.WriteStateAsync();
        return state.State.Output;
    }

    public async Task<byte[]> CreateAsync(int size)
    {
        state.State.Output = Payloads.Create(size);
        await state.WriteStateAsync();
        return state.State.Output;
    }
}
