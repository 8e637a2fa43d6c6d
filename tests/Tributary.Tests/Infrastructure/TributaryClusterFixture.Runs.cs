using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using Tributary.Grains;
using Tributary.Serialization;
using Tributary.States;

namespace Tributary.Tests.Infrastructure;

public sealed partial class TributaryClusterFixture
{
    /// <summary>How long a test waits for a run or a task state before it fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Between two reads of a state that has no event to wait on. Short: it is a poll, not a synchronisation.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>The flow-run grain of a run.</summary>
    public IFlowRunGrain FlowRun(string runId) => Client.GetGrain<IFlowRunGrain>(runId);

    /// <summary>The task-run grain of a task of a run.</summary>
    public ITaskRunGrain TaskRun(string runId, string taskName) => Client.GetGrain<ITaskRunGrain>(TaskRunKey.Of(runId, taskName));

    /// <summary>Starts a run of <paramref name="flowName"/> under a new id, parameters given as .NET values.</summary>
    /// <returns>The run's id.</returns>
    public async Task<string> StartAsync(string flowName, params (string Name, object? Value)[] parameters)
    {
        var runId = NewRunId();
        await StartAsync(runId, flowName, parameters);
        return runId;
    }

    /// <summary>Starts a run under a given id.</summary>
    public Task<FlowRunState> StartAsync(string runId, string flowName, params (string Name, object? Value)[] parameters) =>
        FlowRun(runId).StartAsync(flowName, parameters.ToImmutableDictionary(
            p => p.Name,
            p => JsonSerializer.Serialize(p.Value, p.Value?.GetType() ?? typeof(object), SystemTextJsonResultSerializer.Default.Options)));

    /// <summary>A new run id.</summary>
    public static string NewRunId() => $"run-{Guid.NewGuid():N}";

    /// <summary>Waits until the run is final (through its grain's long-poll), riding over calls that fail while a silo dies.</summary>
    public async Task<FlowRunState> WaitForFlowAsync(string runId, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? Patience;
        FlowRunState? last = null;
        while (deadline.Elapsed < limit)
        {
            try
            {
                last = await FlowRun(runId).WaitAsync(TimeSpan.FromSeconds(2));
                if (last.Status.IsFinal())
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // A silo died under the call: the run carries on elsewhere; ask again.
            }
        }

        throw new TimeoutException($"Flow run {runId} is not final after {limit}: {Describe(last)}{await DescribeTasksAsync(runId, last)}");
    }

    /// <summary>Polls a task-run state until <paramref name="condition"/> holds.</summary>
    public async Task<TaskRunState> WaitForTaskAsync(string runId, string taskName, Func<TaskRunState, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? Patience;
        TaskRunState? last = null;
        while (deadline.Elapsed < limit)
        {
            try
            {
                last = await TaskRun(runId, taskName).GetStateAsync();
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // As above: ask again.
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"Task {taskName} of run {runId} did not reach the expected state after {limit}; last: {last}");
    }

    /// <summary>Waits until the run's flow-run grain knows <paramref name="taskName"/> as <paramref name="status"/>.</summary>
    public async Task WaitForFlowToSeeAsync(string runId, string taskName, TaskRunStatus status)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            var state = await FlowRun(runId).GetStateAsync();
            if (state.TaskStatuses.GetValueOrDefault(taskName) == status)
            {
                return;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"Flow run {runId} does not see {taskName} as {status} after {Patience}.");
    }

    /// <summary>What grain storage holds for a task run right now (not what its activation has in memory).</summary>
    /// <returns>The stored state, or <see langword="null"/> when nothing is stored.</returns>
    public async Task<TaskRunState?> ReadStoredTaskStateAsync(string runId, string taskName)
    {
        var storage = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(Tributary.Runs.TributaryStorage.Name);
        var state = new GrainState<TaskRunState>();
        await storage.ReadStateAsync("task", TaskRun(runId, taskName).GetGrainId(), state);
        return state.RecordExists ? state.State : null;
    }

    /// <summary>Polls grain storage until the stored state of a task run satisfies <paramref name="condition"/>.</summary>
    public async Task<TaskRunState> WaitForStoredTaskAsync(string runId, string taskName, Func<TaskRunState, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        TaskRunState? last = null;
        while (deadline.Elapsed < Patience)
        {
            last = await ReadStoredTaskStateAsync(runId, taskName);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"Storage does not hold the expected state of task {taskName} of run {runId} after {Patience}; last: {last}");
    }

    /// <summary>
    /// Kills (no graceful shutdown: a crash) the silo where a grain is active and starts a replacement, so that the
    /// cluster keeps two silos.
    /// </summary>
    public async Task CrashSiloOfAsync(IAddressable grain)
    {
        var silo = SiloOf(grain) ?? throw new InvalidOperationException($"{grain.GetGrainId()} is not active anywhere.");
        await Cluster.KillSiloAsync(silo);
        await Cluster.StartAdditionalSiloAsync();
    }

    /// <summary>The silo where a grain is active right now, if it is.</summary>
    public InProcessSiloHandle? SiloOf(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context)
            ? Cluster.Silos.FirstOrDefault(silo => silo.SiloAddress.Equals(context.Address.SiloAddress))
            : null;

    private async Task<string> DescribeTasksAsync(string runId, FlowRunState? run)
    {
        var lines = new List<string>();
        foreach (var task in run?.TaskStatuses.Keys ?? [])
        {
            try
            {
                var state = await TaskRun(runId, task).GetStateAsync().WaitAsync(TimeSpan.FromSeconds(5));
                lines.Add($"{task}: {state.Status} attempt {state.Attempt} lost {state.LostAttempts} interrupted {state.InterruptedAttempts}: {state.Message}");
            }
            catch (Exception ex)
            {
                lines.Add($"{task}: state unavailable ({ex.GetType().Name}: {ex.Message})");
            }
        }

        return lines.Count == 0 ? string.Empty : $"; task states: {string.Join("; ", lines)}";
    }

    private static string Describe(FlowRunState? state) =>
        state is null
            ? "no state read"
            : $"{state.Status}, tasks: {string.Join(", ", state.TaskStatuses.Select(pair => $"{pair.Key}={pair.Value}"))}";
}
