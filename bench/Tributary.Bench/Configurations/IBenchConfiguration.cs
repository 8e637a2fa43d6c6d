using Tributary.Bench.Reporting;
using Tributary.Bench.Workloads;

namespace Tributary.Bench.Configurations;

/// <summary>One way of running the workloads.</summary>
public interface IBenchConfiguration
{
    string Name { get; }

    /// <summary>Whether this configuration runs <paramref name="workload"/> at all (a peer baseline runs only some).</summary>
    bool Supports(Workload workload) => true;

    /// <summary>The form of <paramref name="workload"/> this configuration runs (the same, or the same shape at a smaller size).</summary>
    Workload Shape(Workload workload) => workload;

    /// <summary>Runs a workload once and gives the final output (checked by the caller); notes status calls in <paramref name="observations"/>.</summary>
    Task<object?> RunAsync(Workload workload, string runId, RunObservations observations);
}
