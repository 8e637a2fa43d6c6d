using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Serializing;
using Tributary.Bench.Baselines.DurableTask;
using Tributary.Bench.Reporting;
using Tributary.Bench.Workloads;

namespace Tributary.Bench.Configurations;

/// <summary>
/// The peer baseline: the Durable Task Framework (DurableTask.Core with its Azure Storage provider) running W1, W2 and W4
/// as orchestrations of activities on the bench's own Azurite, in a task hub of its own made for this run.
/// </summary>
/// <remarks>
/// Tuned to be fast rather than to be its defaults: queues polled at most every 100 ms, extended sessions (an
/// orchestration stays in memory between its activities, no history replay), one partition. The client polls the
/// instance for its end every 20 ms itself (the provider's own wait polls far more slowly, which would count against it).
/// </remarks>
public sealed class DurableTaskConfiguration : IBenchConfiguration, IAsyncDisposable
{
    public const string ConfigurationName = "durabletask-azure";

    private static readonly TimeSpan EndPolling = TimeSpan.FromMilliseconds(20);
    private static readonly JsonDataConverter Converter = new();
    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubWorker _worker;
    private readonly TaskHubClient _client;
    private readonly int? _maxTasks;

    private DurableTaskConfiguration(AzureStorageOrchestrationService service, TaskHubWorker worker, TaskHubClient client, int? maxTasks)
    {
        _service = service;
        _worker = worker;
        _client = client;
        _maxTasks = maxTasks;
    }

    public string Name => ConfigurationName;

    /// <summary>Makes a fresh task hub on <paramref name="connectionString"/> and starts a worker on it; <paramref name="maxTasks"/> caps a workload's size (per-task figures stay comparable).</summary>
    public static async Task<DurableTaskConfiguration> StartAsync(string connectionString, int? maxTasks = null)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = $"bench{Guid.NewGuid():N}"[..24],
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
            ExtendedSessionsEnabled = true,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(30),
        });
        await service.CreateIfNotExistsAsync();
        var worker = new TaskHubWorker(service);
        worker.AddTaskOrchestrations(typeof(ChainOrchestration), typeof(FanOrchestration));
        worker.AddTaskActivities(typeof(CreateActivity), typeof(NextActivity), typeof(ReduceActivity));
        await worker.StartAsync();
        return new DurableTaskConfiguration(service, worker, new TaskHubClient(service), maxTasks);
    }

    public bool Supports(Workload workload) => workload.Id is "W1-chain" or "W2-fan" or "W4-retry";

    public Workload Shape(Workload workload) =>
        _maxTasks is { } max && workload.Tasks > max ? workload with { Tasks = max } : workload;

    public async Task<object?> RunAsync(Workload workload, string runId, RunObservations observations)
    {
        var (orchestration, input, output) = workload.Kind switch
        {
            WorkloadKind.Chain => (typeof(ChainOrchestration), (object)new ChainInput(workload.Tasks, workload.ValueSize, Retry: false), typeof(byte[])),
            WorkloadKind.Retry => (typeof(ChainOrchestration), new ChainInput(workload.Tasks, workload.ValueSize, Retry: true), typeof(byte[])),
            WorkloadKind.FanOutFanIn => (typeof(FanOrchestration), new FanInput(workload.Tasks, workload.ValueSize), typeof(long)),
            _ => throw new NotSupportedException($"{ConfigurationName} does not run {workload.Id}."),
        };
        var instance = await _client.CreateOrchestrationInstanceAsync(orchestration, runId, input);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (true)
        {
            var state = await _client.GetOrchestrationStateAsync(instance.InstanceId);
            switch (state?.OrchestrationStatus)
            {
                case OrchestrationStatus.Completed:
                    return Converter.Deserialize(state.Output, output);
                case OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled:
                    throw new InvalidOperationException($"{ConfigurationName} {workload.Id}: {state.OrchestrationStatus}: {state.Output}");
            }

            await Task.Delay(EndPolling, deadline.Token);
        }
    }

    /// <summary>Stops the worker and deletes the task hub, each given at most 15 s: a full run was once seen still shutting down minutes after its table (where, not found), and Azurite's folder goes with the bench anyway.</summary>
    public async ValueTask DisposeAsync()
    {
        var bound = TimeSpan.FromSeconds(15);
        await _worker.StopAsync(isForced: true).WaitAsync(bound).ContinueWith(_ => { }, TaskScheduler.Default);
        await _service.DeleteAsync().WaitAsync(bound).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
