using Tributary.Bench.Workloads;
using Tributary.Client;
using Tributary.States;

namespace Tributary.Bench.Configurations;

/// <summary>A Tributary configuration: the workload's flow run through the client, its last output read back.</summary>
public sealed class TributaryConfiguration(string name, TributaryClient client) : IBenchConfiguration
{
    public string Name => name;

    public async Task<object?> RunAsync(Workload workload, string runId)
    {
        if (workload.Kind == WorkloadKind.ConcurrentChains)
        {
            // W6: the runs of one chain flow (registered under W6's name), all started before any is awaited.
            var chain = workload with { Kind = WorkloadKind.Chain };
            return await Task.WhenAll(Enumerable.Range(0, workload.Runs).Select(i => RunOneAsync(workload, chain, $"{runId}-{i}")));
        }

        return await RunOneAsync(workload, workload, runId);
    }

    private async Task<object?> RunOneAsync(Workload registered, Workload workload, string runId)
    {
        await client.StartFlowRunAsync(WorkloadFlows.NameOf(registered, name), flowRunId: runId);
        var run = await client.WaitForFlowRunAsync(runId, TimeSpan.FromMinutes(10));
        if (run.Flow.Status != FlowRunStatus.Success)
        {
            throw new InvalidOperationException($"{name} {workload.Id}: {run.Flow.Message}");
        }

        var output = await client.Cluster.GetGrain<Grains.ITaskRunGrain>(Grains.TaskRunKey.Of(runId, WorkloadFlows.LastTask(workload))).GetOutputAsync();
        var type = workload.Kind is WorkloadKind.FanOutFanIn or WorkloadKind.JoinedChains ? typeof(long) : typeof(byte[]);
        return Serialization.SystemTextJsonResultSerializer.Default.Deserialize(output.Payload, type);
    }
}
