using Tributary.Bench.Workloads;

namespace Tributary.Bench.Baselines;

public sealed class RawCoordinatorGrain : Grain, IRawCoordinatorGrain
{
    public async Task<byte[]> RunChainAsync(int tasks, int size, bool retryEveryTenth)
    {
        var run = this.GetPrimaryKeyString();
        var value = await GrainFactory.GetGrain<IRawTaskGrain>($"{run}/t0").CreateAsync(size);
        for (var i = 1; i <= tasks; i++)
        {
            var grain = GrainFactory.GetGrain<IRawTaskGrain>($"{run}/t{i}");
            var failFirst = retryEveryTenth && i % 10 == 9;
            try
            {
                value = await grain.RunAsync(value, failFirst);
            }
            catch (InvalidOperationException) when (failFirst)
            {
                value = await grain.RunAsync(value, failFirst);
            }
        }

        return value;
    }

    public async Task<long> RunFanAsync(int tasks, int size)
    {
        var run = this.GetPrimaryKeyString();
        var root = await GrainFactory.GetGrain<IRawTaskGrain>($"{run}/root").CreateAsync(size);
        var branches = await Task.WhenAll(Enumerable.Range(0, tasks).Select(i => GrainFactory.GetGrain<IRawTaskGrain>($"{run}/b{i}").RunAsync(root, false)));
        var reducer = GrainFactory.GetGrain<IRawTaskGrain>($"{run}/reduce");
        await reducer.CreateAsync(1);
        return Payloads.Reduce(branches);
    }

    public async Task<long> RunJoinedChainsAsync(int chains, int tasks, int size)
    {
        var run = this.GetPrimaryKeyString();
        var root = await GrainFactory.GetGrain<IRawTaskGrain>($"{run}/root").CreateAsync(size);
        var ends = await Task.WhenAll(Enumerable.Range(0, chains).Select(async c =>
        {
            var value = root;
            for (var i = 1; i <= tasks; i++)
            {
                value = await GrainFactory.GetGrain<IRawTaskGrain>($"{run}/c{c}t{i}").RunAsync(value, false);
            }

            return value;
        }));
        await GrainFactory.GetGrain<IRawTaskGrain>($"{run}/reduce").CreateAsync(1);
        return Payloads.Reduce(ends, tasks);
    }
}
