namespace Tributary.Bench.Baselines;

/// <summary>The raw-Orleans baseline's task: one activation per task, output written to memory grain storage once.</summary>
public interface IRawTaskGrain : IGrainWithStringKey
{
    Task<byte[]> RunAsync(byte[] input, bool failFirst);

    Task<byte[]> CreateAsync(int size);
}
