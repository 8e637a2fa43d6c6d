namespace Tributary.Bench.Workloads;

/// <summary>The benchmark workloads of issue #4.</summary>
public enum WorkloadKind
{
    /// <summary>W1: a chain of tasks passing 1 KB values.</summary>
    Chain,

    /// <summary>W2: one root, parallel 1 KB tasks, one reducer taking them all.</summary>
    FanOutFanIn,

    /// <summary>W3: a chain of tasks passing 1 MB values.</summary>
    Large,

    /// <summary>W4: W1 where every 10th task fails once and succeeds on an immediate retry.</summary>
    Retry,

    /// <summary>W1-cached: W1 where every task caches (DurationOnly): after the warm-up round every task is a cache hit.</summary>
    CachedChain,

    /// <summary>W5: a root, <see cref="Workload.Chains"/> parallel chains of <see cref="Workload.Tasks"/> 1 KB tasks, one reducer joining their ends.</summary>
    JoinedChains,

    /// <summary>W6: <see cref="Workload.Runs"/> runs at once, each a chain of <see cref="Workload.Tasks"/> 1 KB tasks.</summary>
    ConcurrentChains,
}
