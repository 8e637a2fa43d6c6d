using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary.Client.Retries;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Options;
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
    private ClusterCallRetry? _retry;

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

    /// <summary>The clock for waits' timeouts and the pauses between tries (a fake one in tests).</summary>
    internal TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The least time between two progress reports of <see cref="WaitForFlowRunAsync"/>: changes in between share one snapshot.</summary>
    internal static readonly TimeSpan MinProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Tries calls that can be made twice again on transient cluster faults, for <c>Tributary:Client:RetryFor</c> (see
    /// <see cref="TributaryClientOptions.RetryFor"/>); made on first use, from the cluster client's services and <see cref="Time"/>.
    /// </summary>
    internal ClusterCallRetry Retry
    {
        get => _retry ??= ClusterCallRetry.For(Cluster, Time);
        init => _retry = value;
    }

    /// <inheritdoc />
    public Task<FlowRunSnapshot> GetFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default) =>
        SnapshotAsync(Cluster.GetGrain<IFlowRunGrain>(flowRunId), $"getting flow run '{flowRunId}'", cancellationToken);

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
        var waiting = $"waiting for flow run '{flowRunId}'";
        try
        {
            if (progress is null)
            {
                return await WaitUntilFinalAsync(grain, flowRunId, waiting, deadline.Token).ConfigureAwait(false);
            }

            // Progress: a long poll on the run's version (constant cost whatever the run's size); a snapshot only when
            // something changed, at most every MinProgressInterval.
            string? version = null;
            DateTimeOffset? lastReport = null;
            while (true)
            {
                var changed = await Retry.ExecuteAsync(waiting, token => grain.WaitForChangeAsync(version, WaitSlice, token), deadline.Token).ConfigureAwait(false);
                if (changed.Status == FlowRunStatus.NotFound)
                {
                    throw new FlowRunNotFoundException(flowRunId);
                }

                if (changed.Version == version && !changed.Status.IsFinal())
                {
                    continue; // nothing changed within the slice
                }

                var sinceReport = Time.GetUtcNow() - lastReport;
                if (sinceReport < MinProgressInterval && !changed.Status.IsFinal())
                {
                    await Task.Delay(MinProgressInterval - sinceReport.Value, Time, deadline.Token).ConfigureAwait(false);
                }

                version = changed.Version;
                var snapshot = await SnapshotAsync(grain, waiting, deadline.Token).ConfigureAwait(false);
                lastReport = Time.GetUtcNow();
                progress.Report(snapshot);
                if (snapshot.Flow.Status.IsFinal())
                {
                    return snapshot;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Expired();
        }
        catch (Exception ex) when (ex is TimeoutException or ClusterUnreachableException && expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The wait's own time ran out while a call was being tried again: that is what the caller asked about.
            throw Expired();
        }

        TimeoutException Expired() => new($"Flow run '{flowRunId}' is not finished after {timeout}.");
    }

    /// <summary>Waits in slices until the run is final, then gives its snapshot (no progress wanted).</summary>
    private async Task<FlowRunSnapshot> WaitUntilFinalAsync(IFlowRunGrain grain, string flowRunId, string waiting, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Each call is tried again on its own while a silo or gateway goes away (the run resumes on another silo),
            // for at most the retry budget in a row; the token goes to the grain too (Orleans cancels the call there),
            // so a cancelled wait does not hold a waiter on the flow-run grain for the rest of its slice.
            var state = await Retry.ExecuteAsync(waiting, token => grain.WaitAsync(WaitSlice, token), cancellationToken).ConfigureAwait(false);
            if (state.Status == FlowRunStatus.NotFound)
            {
                throw new FlowRunNotFoundException(flowRunId);
            }

            if (state.Status.IsFinal())
            {
                return await SnapshotAsync(grain, waiting, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The run's snapshot, the call tried again on transient cluster faults; <paramref name="what"/> names it in errors.</summary>
    private Task<FlowRunSnapshot> SnapshotAsync(IFlowRunGrain grain, string what, CancellationToken cancellationToken) =>
        Retry.ExecuteAsync(what, token => grain.GetSnapshotAsync().WaitAsync(token), cancellationToken);

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
        var run = await Retry.ExecuteAsync(
            $"reading task '{taskName}' of flow run '{flowRunId}'",
            token => Cluster.GetGrain<IFlowRunGrain>(flowRunId).GetStateAsync().WaitAsync(token),
            cancellationToken).ConfigureAwait(false);
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

        // Stored once through the handler: a second try gives the same safe value.
        return await Retry.ExecuteAsync(
            $"reading task '{taskName}' of flow run '{flowRunId}'",
            token => Cluster.GetGrain<ITaskRunGrain>(TaskRunKey.Of(flowRunId, taskName)).StoreOutputAsync(token),
            cancellationToken).ConfigureAwait(false);
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
