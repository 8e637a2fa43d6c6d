using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Client;

/// <summary>
/// The SDK's <see cref="ITributaryClient"/> over an Orleans cluster client: starts flow runs, waits for them, shows their
/// states (safe values only) and reads a task's result through its handler. In an application, register it with
/// <c>services.AddTributaryClient(configuration)</c>; the hosting package (<c>Tributary.Hosting</c>) also makes one on
/// an in-process silo.
/// </summary>
public sealed partial class TributaryClient : ITributaryClient, IAsyncDisposable
{
    private readonly IHost? _host;

    /// <summary>Creates a client over a cluster client that someone else starts and stops (the application's host).</summary>
    /// <param name="cluster">A connected Orleans cluster client (or a silo's own).</param>
    /// <param name="handlers">The handlers this client reads results with: its own configuration and credentials.</param>
    public TributaryClient(IClusterClient cluster, IResultHandlerCatalog handlers)
        : this(cluster, handlers, host: null)
    {
    }

    /// <summary>Creates a client that owns <paramref name="host"/>: disposing the client stops it.</summary>
    internal TributaryClient(IClusterClient cluster, IResultHandlerCatalog handlers, IHost? host)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(handlers);
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

    /// <inheritdoc />
    public Task<FlowRunSnapshot> GetFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default) =>
        Cluster.GetGrain<IFlowRunGrain>(flowRunId).GetSnapshotAsync().WaitAsync(cancellationToken);

    /// <inheritdoc />
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

                // The token goes to the grain too (Orleans cancels the call there), so a cancelled wait does not hold a
                // waiter on the flow-run grain for the rest of its slice.
                state = await grain.WaitAsync(slice, deadline.Token).WaitAsync(deadline.Token);
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
                throw new FlowRunNotFoundException(flowRunId);
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

    /// <inheritdoc />
    public async Task<Result> ReadTaskResultAsync(string flowRunId, string taskName, CancellationToken cancellationToken = default)
    {
        var safe = await StoreTaskOutputAsync(flowRunId, taskName, flowName: null, cancellationToken);
        return (Result)await safe.ToResultAsync(Handlers, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Result<T>> ReadTaskResultAsync<T>(string flowRunId, string taskName, CancellationToken cancellationToken = default)
    {
        var safe = await StoreTaskOutputAsync(flowRunId, taskName, flowName: null, cancellationToken);
        return await safe.ToResultAsync<T>(Handlers, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TOut> GetResultAsync<TOut>(string flowRunId, TaskNode<TOut> task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var safe = await StoreTaskOutputAsync(flowRunId, task.Name, task.FlowName, cancellationToken);
        return (await safe.ToResultAsync<TOut>(Handlers, cancellationToken)).Value;
    }

    /// <summary>Checks the run (and, given <paramref name="flowName"/>, its flow) has the task, then has the task store its output.</summary>
    private async Task<SafeResult> StoreTaskOutputAsync(string flowRunId, string taskName, string? flowName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        // A task-run grain of an unknown run or task would answer "Pending" without naming the run: check both first.
        var run = await Cluster.GetGrain<IFlowRunGrain>(flowRunId).GetStateAsync().WaitAsync(cancellationToken);
        if (run.Status == FlowRunStatus.NotFound)
        {
            throw new FlowRunNotFoundException(flowRunId);
        }

        if (flowName is not null && !string.Equals(flowName, run.FlowName, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Task '{taskName}' is a node of flow '{flowName}', but flow run '{flowRunId}' is a run of flow '{run.FlowName}': "
                + $"read it with a node of flow '{run.FlowName}'.",
                "task");
        }

        if (!run.TaskStatuses.ContainsKey(taskName))
        {
            var tasks = string.Join(", ", run.TaskStatuses.Keys.Order(StringComparer.Ordinal));
            throw new ArgumentException(
                $"Flow run '{flowRunId}' (flow '{run.FlowName}') has no task '{taskName}'; its tasks: {tasks}.", nameof(taskName));
        }

        return await Cluster.GetGrain<ITaskRunGrain>(TaskRunKey.Of(flowRunId, taskName)).StoreOutputAsync(cancellationToken);
    }

    /// <summary>
    /// Stops the host this client owns (an in-process silo, or a connection the hosting package made); a client made
    /// over someone else's cluster client (as <c>AddTributaryClient</c> registers it) leaves that to its owner.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    /// <summary>A client on a host's cluster client and handlers that stops and disposes the host when disposed.</summary>
    internal static TributaryClient FromHost(IHost host) =>
        new(host.Services.GetRequiredService<IClusterClient>(), host.Services.GetRequiredService<IResultHandlerCatalog>(), host);
}
