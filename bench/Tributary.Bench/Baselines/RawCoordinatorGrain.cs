using Tributary.Bench.Workloads;

namespace Tributary.Bench.Baselines;

/// <summary>
/// Runs a workload by passing values from one task grain to the next. A coordinator whose key starts with
/// <see cref="FloorPrefix"/> drives the durable floor's task grains (<see cref="FloorTaskGrain"/>), any other the raw
/// baseline's (<see cref="RawTaskGrain"/>).
/// </summary>
public sealed class RawCoordinatorGrain : Grain, IRawCoordinatorGrain
{
    /// <summary>The key prefix of a coordinator of the durable floor.</summary>
    public const string FloorPrefix = "floor:";

    private IRawTaskGrain TaskGrain(string key) => GrainFactory.GetGrain<IRawTaskGrain>(
        key,
        this.GetPrimaryKeyString().StartsWith(FloorPrefix, StringComparison.Ordinal) ? typeof(FloorTaskGrain).FullName : typeof(RawTaskGrain).FullName);

    public async Task<byte[]> RunChainAsync(int tasks, int size, bool retryEveryTenth)
    {
        var run = this.GetPrimaryKeyString();
        var value = await TaskGrain($"{run}/t0").CreateAsync(size);
        for (var i = 1; i <= tasks; i++)
        {
            var grain = TaskGrain($"{run}/t{i}");
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
        var root = await TaskGrain($"{run}/root").CreateAsync(size);
        var branches = await Task.WhenAll(Enumerable.Range(0, tasks).Select(i => TaskGrain($"{run}/b{i}").RunAsync(root, false)));
        var reducer = TaskGrain($"{run}/reduce");
        await reducer.CreateAsync(1);
        return Payloads.Reduce(branches);
    }

    public async Task<long> RunJoinedChainsAsync(int chains, int tasks, int size)
    {
        var run = this.GetPrimaryKeyString();
        var root = await TaskGrain($"{run}/root").CreateAsync(size);
        var ends = await Task.WhenAll(Enumerable.Range(0, chains).Select(async c =>
        {
            var value = root;
            for (var i = 1; i <= tasks; i++)
            {
                value = await TaskGrain($"{run}/c{c}t{i}").RunAsync(value, false);
            }

            return value;
        }));
        await TaskGrain($"{run}/reduce").CreateAsync(1);
        return Payloads.Reduce(ends, tasks);
    }
}
