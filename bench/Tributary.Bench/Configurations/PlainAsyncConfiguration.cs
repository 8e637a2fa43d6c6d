using Tributary.Bench.Baselines;
using Tributary.Bench.Reporting;
using Tributary.Bench.Workloads;

namespace Tributary.Bench.Configurations;

public sealed class PlainAsyncConfiguration : IBenchConfiguration
{
    public string Name => "plain-async";

    public async Task<object?> RunAsync(Workload workload, string runId, RunObservations observations) => await PlainAsync.RunAsync(workload);
}
