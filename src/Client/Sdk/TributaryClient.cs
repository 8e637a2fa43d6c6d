using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Client;

/// <summary>
/// The SDK's entry point: starts flow runs, waits for them, shows their states (safe values only) and reads a task's
/// result through its handler. Create one with <see cref="TributaryClientFactory"/>.
/// </summary>
public sealed partial class TributaryClient : IAsyncDisposable
{
    private readonly IHost? _host;

    internal TributaryClient(IClusterClient cluster, IResultHandlerCatalog handlers, IHost? host)
    {
        Cluster = cluster;
        Handlers = handlers;
        _host = host;
    }

    /// <summary>The Orleans client underneath, for advanced use.</summary>
    public IClusterClient Cluster { get; }

    /// <summary>The handlers this client reads results with (its own configuration and credentials).</summary>
    public IResultHandlerCatalog Handlers { get; }

    /// <summary>How long one wait call is held by the flow-run grain; kept under Orleans' response timeout.</summary>
    public TimeSpan WaitSlice { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first pause before asking again after a failed call while waiting; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    internal static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between failed calls while waiting.</summary>
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The clock for waits' timeouts and pauses (a fake one in tests).</summary>
    internal TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gives the run and all its task runs.</summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<FlowRunSnapshot> GetFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default) =>
        Cluster.GetGrain<IFlowRunGrain>(flowRunId).GetSnapshotAsync().WaitAsync(cancellationToken);

    /// <summary>Waits until the run is final, reporting snapshots as it goes.</summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="timeout">How long to wait in all.</param>
    /// <param name="progress">Given a snapshot after each wait slice; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The final snapshot.</returns>
    /// <exception cref="TimeoutException">The run is not final after <paramref name="timeout"/>.</exception>
    /// <exception cref="ArgumentException">No run has that id.</exception>
    public async Task<FlowRunSnapshot> WaitForFlowRunAsync(
        string flowRunId,
        TimeSpan timeout,
        IProgress<FlowRunSnapshot>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var grain = Cluster.GetGrain<IFlowRunGrain>(flowRunId);
        using var expiry = new CancellationTokenSource(timeout, Time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        var slice = progress is null ? WaitSlice : TimeSpan.FromMilliseconds(Math.Min(WaitSlice.TotalMilliseconds, 250));
        var failures = 0;
        while (true)
        {
            FlowRunState state;
            try
            {
                if (failures > 0)
                {
                    await Task.Delay(RetryDelay(failures), Time, deadline.Token);
                }

                state = await grain.WaitAsync(slice).WaitAsync(deadline.Token);
                failures = 0;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw Expired();
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                if (expiry.IsCancellationRequested)
                {
                    throw Expired();
                }

                // A silo went away mid-call: the run resumes on another silo; ask again after a pause that grows while
                // calls keep failing, so that a cluster that is down is not flooded.
                failures++;
                continue;
            }

            if (state.Status == FlowRunStatus.NotFound)
            {
                throw new ArgumentException($"There is no flow run '{flowRunId}'.", nameof(flowRunId));
            }

            if (progress is not null || state.Status.IsFinal())
            {
                var snapshot = await grain.GetSnapshotAsync().WaitAsync(deadline.Token);
                progress?.Report(snapshot);
                if (snapshot.Flow.Status.IsFinal())
                {
                    return snapshot;
                }
            }
        }

        TimeoutException Expired() => new($"Flow run '{flowRunId}' is not finished after {timeout}.");
    }

    /// <summary>The pause before the next call after <paramref name="failures"/> failed calls in a row: 100 ms, doubling, at most 1 s.</summary>
    /// <param name="failures">Failed calls in a row, at least 1.</param>
    internal static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(failures - 1, 16)));

    /// <summary>
    /// Reads a task's output through its handler, on this client. The output is stored through the task's handler
    /// first if it was not checkpointed (while its grain still holds it); only the safe value crosses to the client.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="taskName">The task.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException">No run has that id, or the run's flow has no task of that name.</exception>
    /// <exception cref="TaskOutputUnavailableException">The task has not succeeded, or its output is gone.</exception>
    /// <exception cref="ResultLocationNotFoundException">The stored output was deleted.</exception>
    public async Task<Result> ReadTaskResultAsync(string flowRunId, string taskName, CancellationToken cancellationToken = default)
    {
        var safe = await StoreTaskOutputAsync(flowRunId, taskName, cancellationToken);
        return (Result)await safe.ToResultAsync(Handlers, cancellationToken);
    }

    /// <summary>Reads a task's output through its handler as <typeparamref name="T"/>; see <see cref="ReadTaskResultAsync(string, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The type to read the output as.</typeparam>
    /// <param name="flowRunId">The run.</param>
    /// <param name="taskName">The task.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException">No run has that id, or the run's flow has no task of that name.</exception>
    /// <exception cref="TaskOutputUnavailableException">The task has not succeeded, or its output is gone.</exception>
    /// <exception cref="ResultLocationNotFoundException">The stored output was deleted.</exception>
    public async Task<Result<T>> ReadTaskResultAsync<T>(string flowRunId, string taskName, CancellationToken cancellationToken = default)
    {
        var safe = await StoreTaskOutputAsync(flowRunId, taskName, cancellationToken);
        return await safe.ToResultAsync<T>(Handlers, cancellationToken);
    }

    private async Task<SafeResult> StoreTaskOutputAsync(string flowRunId, string taskName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        // A task-run grain of an unknown run or task would answer "Pending" without naming the run: check both first.
        var run = await Cluster.GetGrain<IFlowRunGrain>(flowRunId).GetStateAsync().WaitAsync(cancellationToken);
        if (run.Status == FlowRunStatus.NotFound)
        {
            throw new ArgumentException($"There is no flow run '{flowRunId}'.", nameof(flowRunId));
        }

        if (!run.TaskStatuses.ContainsKey(taskName))
        {
            var tasks = string.Join(", ", run.TaskStatuses.Keys.Order(StringComparer.Ordinal));
            throw new ArgumentException(
                $"Flow run '{flowRunId}' (flow '{run.FlowName}') has no task '{taskName}'; its tasks: {tasks}.", nameof(taskName));
        }

        return await Cluster.GetGrain<ITaskRunGrain>(TaskRunKey.Of(flowRunId, taskName)).StoreOutputAsync().WaitAsync(cancellationToken);
    }

    /// <summary>Stops the embedded silo or closes the cluster connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    internal static TributaryClient FromHost(IHost host) =>
        new(host.Services.GetRequiredService<IClusterClient>(), host.Services.GetRequiredService<IResultHandlerCatalog>(), host);
}
