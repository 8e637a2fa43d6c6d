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
        if (workload.Kind == WorkloadKind.ConcurrentChains)
        {
            var chain = workload with { Kind = WorkloadKind.Chain };
            return await Task.WhenAll(Enumerable.Range(0, workload.Runs).Select(i => RunAsync(chain, $"{runId}-{i}")));
        }

        var coordinator = grains.GetGrain<IRawCoordinatorGrain>(runId);
        return workload.Kind switch
        {
            WorkloadKind.FanOutFanIn => await coordinator.RunFanAsync(workload.Tasks, workload.ValueSize),
            WorkloadKind.JoinedChains => await coordinator.RunJoinedChainsAsync(workload.Chains, workload.Tasks, workload.ValueSize),
            _ => await coordinator.RunChainAsync(workload.Tasks, workload.ValueSize, workload.Kind == WorkloadKind.Retry),
        };
    }
}
