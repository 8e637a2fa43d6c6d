using Tributary.Bench.Baselines;
using Tributary.Bench.Reporting;
using Tributary.Bench.Workloads;

namespace Tributary.Bench.Configurations;

/// <summary>
/// Raw Orleans: a coordinator grain passing values to one grain per task. In the embedded silo (<see cref="ConfigurationName"/>)
/// each task writes its output to memory storage once; as the durable floor (<see cref="FloorName"/>, in the durable
/// silo) each writes its output as a blob and its state to Azure Table once.
/// </summary>
public sealed class RawOrleansConfiguration(IGrainFactory grains, string name = RawOrleansConfiguration.ConfigurationName) : IBenchConfiguration
{
    public const string ConfigurationName = "raw-orleans";

    public const string FloorName = "durable-floor";

    public string Name => name;

    public async Task<object?> RunAsync(Workload workload, string runId, RunObservations observations)
    {
        if (workload.Kind == WorkloadKind.ConcurrentChains)
        {
            var chain = workload with { Kind = WorkloadKind.Chain };
            return await Task.WhenAll(Enumerable.Range(0, workload.Runs).Select(i => RunAsync(chain, $"{runId}-{i}", observations)));
        }

        var coordinator = grains.GetGrain<IRawCoordinatorGrain>(name == FloorName ? RawCoordinatorGrain.FloorPrefix + runId : runId);
        return workload.Kind switch
        {
            WorkloadKind.FanOutFanIn => await coordinator.RunFanAsync(workload.Tasks, workload.ValueSize),
            WorkloadKind.JoinedChains => await coordinator.RunJoinedChainsAsync(workload.Chains, workload.Tasks, workload.ValueSize),
            _ => await coordinator.RunChainAsync(workload.Tasks, workload.ValueSize, workload.Kind == WorkloadKind.Retry),
        };
    }
}
