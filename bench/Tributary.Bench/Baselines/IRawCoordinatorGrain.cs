namespace Tributary.Bench.Baselines;

/// <summary>The raw-Orleans baseline's coordinator: passes data by value from one task grain to the next.</summary>
public interface IRawCoordinatorGrain : IGrainWithStringKey
{
    Task<byte[]> RunChainAsync(int tasks, int size, bool retryEveryTenth);

    Task<long> RunFanAsync(int tasks, int size);

    Task<long> RunJoinedChainsAsync(int chains, int tasks, int size);
}
