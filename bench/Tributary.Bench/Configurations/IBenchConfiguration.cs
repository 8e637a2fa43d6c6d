using Tributary.Bench.Workloads;

namespace Tributary.Bench.Configurations;

/// <summary>One way of running the workloads.</summary>
public interface IBenchConfiguration
{
    string Name { get; }

    /// <summary>Runs a workload once and gives the final output (checked by the caller).</summary>
    Task<object?> RunAsync(Workload workload, string runId);
}
