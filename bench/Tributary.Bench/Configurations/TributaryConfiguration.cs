using System.Diagnostics;
using Tributary.Bench.Reporting;
using Tributary.Bench.Workloads;
using Tributary.Client;
using Tributary.States;

namespace Tributary.Bench.Configurations;

/// <summary>A Tributary configuration: the workload's flow run through the client, its last output read back.</summary>
public sealed class TributaryConfiguration(string name, TributaryClient client) : IBenchConfiguration
{
    /// <summary>How often W5 asks for the run's status while it runs, as a viewer of the run would.</summary>
    private static readonly TimeSpan StatusInterval = TimeSpan.FromMilliseconds(200);

    public string Name => name;

    public async Task<object?> RunAsync(Workload workload, string runId, RunObservations observations)
    {
        if (workload.Kind == WorkloadKind.ConcurrentChains)
        {
            // W6: the runs of one chain flow (registered under W6's name), all started before any is awaited.
            var chain = workload with { Kind = WorkloadKind.Chain };
            return await Task.WhenAll(Enumerable.Range(0, workload.Runs).Select(i => RunOneAsync(workload, chain, $"{runId}-{i}", null)));
        }

        return await RunOneAsync(workload, workload, runId, workload.Kind == WorkloadKind.JoinedChains ? observations : null);
    }

    private async Task<object?> RunOneAsync(Workload registered, Workload workload, string runId, RunObservations? statusCalls)
    {
        await client.StartFlowRunAsync(WorkloadFlows.NameOf(registered, name), flowRunId: runId);
        using var finished = new CancellationTokenSource();
        var polling = statusCalls is null ? Task.CompletedTask : PollStatusAsync(runId, statusCalls, finished.Token);
        FlowRunSnapshot run;
        try
        {
            run = await client.WaitForFlowRunAsync(runId, TimeSpan.FromMinutes(10));
        }
        finally
        {
            await finished.CancelAsync();
            await polling;
        }

        if (run.Flow.Status != FlowRunStatus.Success)
        {
            throw new InvalidOperationException($"{name} {workload.Id}: {run.Flow.Message}");
        }

        var output = await client.Cluster.GetGrain<Grains.ITaskRunGrain>(Grains.TaskRunKey.Of(runId, WorkloadFlows.LastTask(workload))).GetOutputAsync();
        var type = workload.Kind is WorkloadKind.FanOutFanIn or WorkloadKind.JoinedChains ? typeof(long) : typeof(byte[]);
        return Serialization.SystemTextJsonResultSerializer.Default.Deserialize(output.Payload, type);
    }

    // The calls the CLI's `status` command makes (the run's progress, then the first page of 50 tasks), every
    // StatusInterval until the run ends.
    private async Task PollStatusAsync(string runId, RunObservations observations, CancellationToken finished)
    {
        using var timer = new PeriodicTimer(StatusInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(finished))
            {
                var clock = Stopwatch.StartNew();
                await client.GetFlowRunProgressAsync(runId, finished);
                await client.GetTaskRunsPageAsync(runId, 0, 50, finished);
                observations.AddStatusCall(clock.Elapsed);
            }
        }
        catch (OperationCanceledException) when (finished.IsCancellationRequested)
        {
            // The run ended: a call cut short by its end is not counted.
        }
    }
}
