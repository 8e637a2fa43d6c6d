namespace Tributary.Bench.Workloads;

/// <summary>One workload's shape: how many tasks, how big each value, and what the final output must be.</summary>
/// <param name="Id">The name in reports.</param>
/// <param name="Kind">The shape.</param>
/// <param name="Tasks">A chain's length (after its first task), or a fan-out's branches.</param>
/// <param name="ValueSize">The bytes each task passes on.</param>
/// <param name="Chains">W5: how many chains run side by side.</param>
/// <param name="Runs">W6: how many runs go at once.</param>
public sealed record Workload(string Id, WorkloadKind Kind, int Tasks, int ValueSize, int Chains = 1, int Runs = 1)
{
    public static IReadOnlyList<Workload> All(bool quick) =>
    [
        new("W1-chain", WorkloadKind.Chain, quick ? 50 : 200, 1024),
        new("W1-cached", WorkloadKind.CachedChain, quick ? 50 : 200, 1024),
        new("W2-fan", WorkloadKind.FanOutFanIn, quick ? 100 : 500, 1024),
        new("W3-large", WorkloadKind.Large, quick ? 10 : 50, 1024 * 1024),
        new("W4-retry", WorkloadKind.Retry, quick ? 50 : 200, 1024),
        // How cost per task grows with the flow's size: W1 at 2,000 and 10,000 tasks (400 and 800 in a quick run).
        new("W1-chain-2k", WorkloadKind.Chain, quick ? 400 : 2_000, 1024),
        new("W1-chain-10k", WorkloadKind.Chain, quick ? 800 : 10_000, 1024),
        new("W5-joined", WorkloadKind.JoinedChains, quick ? 10 : 100, 1024, Chains: quick ? 10 : 100),
        new("W6-concurrent", WorkloadKind.ConcurrentChains, quick ? 20 : 100, 1024, Runs: quick ? 10 : 100),
        new("W7-fanin", WorkloadKind.FanOutFanIn, quick ? 500 : 5_000, 1024),
    ];

    /// <summary>The task count the per-task figures divide by (a chain adds its first task, the fan-out a root and a reducer).</summary>
    public int TotalTasks => Kind switch
    {
        WorkloadKind.FanOutFanIn => Tasks + 2,
        WorkloadKind.JoinedChains => Chains * Tasks + 2,
        WorkloadKind.ConcurrentChains => Runs * (Tasks + 1),
        _ => Tasks + 1,
    };

    /// <summary>Whether task <paramref name="index"/> of a retry workload fails on its first attempt.</summary>
    public bool FailsOnce(int index) => Kind == WorkloadKind.Retry && index % 10 == 9;

    /// <summary>Checks the final output of a run.</summary>
    public void Check(object? output)
    {
        switch (Kind)
        {
            case WorkloadKind.FanOutFanIn or WorkloadKind.JoinedChains:
                var expected = (long)(Kind == WorkloadKind.JoinedChains ? Chains : Tasks) * ValueSize;
                var total = Convert.ToInt64(output);
                if (total != expected)
                {
                    throw new InvalidOperationException($"{Id}: the reducer gave {total}, expected {expected}.");
                }

                break;
            case WorkloadKind.ConcurrentChains:
                var ends = (IReadOnlyList<object?>)output!;
                if (ends.Count != Runs)
                {
                    throw new InvalidOperationException($"{Id}: {ends.Count} runs ended, expected {Runs}.");
                }

                foreach (var end in ends)
                {
                    (this with { Kind = WorkloadKind.Chain }).Check(end);
                }

                break;
            default:
                var bytes = (byte[])output!;
                if (bytes.Length != ValueSize || bytes[0] != unchecked((byte)Tasks))
                {
                    throw new InvalidOperationException($"{Id}: the last task gave {bytes.Length} bytes starting {bytes[0]}, expected {ValueSize} starting {unchecked((byte)Tasks)}.");
                }

                break;
        }
    }
}
