using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Tributary.Grains;
using Tributary.States;

namespace Tributary.Tests.Infrastructure;

public sealed partial class StorageOutageClusterFixture
{
    /// <summary>Starts a run of <paramref name="flowName"/> with no parameters under a new id.</summary>
    /// <returns>The run's id.</returns>
    public async Task<string> StartAsync(string flowName)
    {
        var runId = TributaryClusterFixture.NewRunId();
        await Client.GetGrain<IFlowRunGrain>(runId).StartAsync(flowName, []);
        return runId;
    }

    /// <summary>The state a task-run grain answers with.</summary>
    public Task<TaskRunState> GetTaskStateAsync(string runId, string taskName) =>
        Client.GetGrain<ITaskRunGrain>(TaskRunKey.Of(runId, taskName)).GetStateAsync();

    /// <summary>Waits until the run is final, asking its grain's long-poll again when a call times out.</summary>
    public async Task<FlowRunState> WaitForFlowAsync(string runId, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        FlowRunState? last = null;
        while (waited.Elapsed < timeout)
        {
            try
            {
                last = await Client.GetGrain<IFlowRunGrain>(runId).WaitAsync(TimeSpan.FromSeconds(2));
                if (last.Status.IsFinal())
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // A call can time out while storage is away: ask again.
            }
        }

        var tasks = last is null ? "no state read" : string.Join(", ", last.TaskStatuses.Select(pair => $"{pair.Key}={pair.Value}"));
        throw new TimeoutException($"Flow run {runId} is not final after {timeout}: {last?.Status}, tasks: {tasks}");
    }

    /// <summary>What grain storage holds for a grain's state right now (not what its activation has in memory).</summary>
    /// <returns>The stored state, or the default when nothing is stored.</returns>
    public async Task<T?> ReadStoredAsync<T>(string stateName, GrainId grainId)
    {
        var storage = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(global::Tributary.Runs.TributaryStorage.Name);
        var read = new GrainState<T>();
        await storage.ReadStateAsync(stateName, grainId, read);
        return read.RecordExists ? read.State : default;
    }

    /// <summary>What grain storage holds for a task run right now.</summary>
    public Task<TaskRunState?> ReadStoredTaskStateAsync(string runId, string taskName) =>
        ReadStoredAsync<TaskRunState>("task", Client.GetGrain<ITaskRunGrain>(TaskRunKey.Of(runId, taskName)).GetGrainId());

    /// <summary>What grain storage holds for a flow run right now.</summary>
    public Task<FlowRunState?> ReadStoredFlowStateAsync(string runId) =>
        ReadStoredAsync<FlowRunState>("flow", Client.GetGrain<IFlowRunGrain>(runId).GetGrainId());

    /// <summary>Polls grain storage until a task run's stored state satisfies <paramref name="condition"/>.</summary>
    public async Task<TaskRunState> WaitForStoredTaskAsync(string runId, string taskName, Func<TaskRunState, bool> condition, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        TaskRunState? last = null;
        while (waited.Elapsed < timeout)
        {
            last = await ReadStoredTaskStateAsync(runId, taskName);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25)); // a poll: storage has no event to wait on
        }

        throw new TimeoutException($"Storage does not hold the expected state of task {taskName} of run {runId} after {timeout}; last: {last}");
    }
}
