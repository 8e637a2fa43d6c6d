namespace Tributary.Bench.Workloads;

/// <summary>One workload's shape: how many tasks, how big each value, and what the final output must be.</summary>
public sealed record Workload(string Id, WorkloadKind Kind, int Tasks, int ValueSize)
{
    public static IReadOnlyList<Workload> All(bool quick) =>
    [
        new("W1-chain", WorkloadKind.Chain, quick ? 50 : 200, 1024),
        new("W1-cached", WorkloadKind.CachedChain, quick ? 50 : 200, 1024),
        new("W2-fan", WorkloadKind.FanOutFanIn, quick ? 100 : 500, 1024),
        new("W3-large", WorkloadKind.Large, quick ? 10 : 50, 1024 * 1024),
        new("W4-retry", WorkloadKind.Retry, quick ? 50 : 200, 1024),
    ];

    /// <summary>The task count the per-task figures divide by (a chain adds its first task, the fan-out a root and a reducer).</summary>
    public int TotalTasks => Kind == WorkloadKind.FanOutFanIn ? Tasks + 2 : Tasks + 1;

    /// <summary>Whether task <paramref name="index"/> of a retry workload fails on its first attempt.</summary>
    public bool FailsOnce(int index) => Kind == WorkloadKind.Retry && index % 10 == 9;

    /// <summary>Checks the final output of a run.</summary>
    public void Check(object? output)
    {
        switch (Kind)
        {
            case WorkloadKind.FanOutFanIn:
                var total = Convert.ToInt64(output);
                if (total != (long)Tasks * ValueSize)
                {
                    throw new InvalidOperationException($"{Id}: the reducer gave {total}, expected {(long)Tasks * ValueSize}.");
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
