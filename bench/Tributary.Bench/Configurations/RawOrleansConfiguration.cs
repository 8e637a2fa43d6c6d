using Tributary.Bench.Baselines;
using Tributary.Bench.Workloads;

namespace Tributary.Bench.Configurations;

/// <summary>Raw Orleans in the same silo: a coordinator grain passing values to one grain per task, each writing its output to memory storage once.</summary>
public sealed class RawOrleansConfiguration(IGrainFactory grains) : IBenchConfiguration
{
    public const string ConfigurationName = "raw-orleans";

    public string Name => ConfigurationName;

    public async Task<object?> RunAsync(Workload workload, string runId)
    {
        var coordinator = grains.GetGrain<IRawCoordinatorGrain>(runId);
        return workload.Kind == WorkloadKind.FanOutFanIn
            ? await coordinator.RunFanAsync(workload.Tasks, workload.ValueSize)
            : await coordinator.RunChainAsync(workload.Tasks, workload.ValueSize, workload.Kind == WorkloadKind.Retry);
    }
}
