using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.States;

namespace Tributary.Client;

/// <summary>
/// The SDK's entry point: starts flow runs, waits for them, shows their states (safe values only) and reads a task's
/// result through its handler. Create one with <see cref="TributaryClientFactory"/>.
/// </summary>
public sealed class TributaryClient : IAsyncDisposable
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

    /// <summary>
    /// Starts a flow run with parameters given as .NET values (serialized to JSON), on the newest version of the flow the
    /// cluster registers; the run keeps that version to its end.
    /// </summary>
    /// <param name="flowName">The flow, as registered on the silo.</param>
    /// <param name="parameters">Parameter values by name; <see langword="null"/> for none.</param>
    /// <param name="flowRunId">
    /// The run's id; a new one when <see langword="null"/>. A run id is a promise: starting an existing id again with the
    /// same flow and parameters gives that run and starts nothing (parameters are compared after defaults are bound, as
    /// JSON values); another flow or other parameters are refused with <see cref="FlowRunConflictException"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's id.</returns>
    /// <exception cref="UnknownFlowException">No flow of that name is registered.</exception>
    /// <exception cref="Flows.FlowValidationException">A parameter is missing, unknown or of the wrong type.</exception>
    /// <exception cref="FlowRunConflictException">The id names a run of another flow or with other parameters; the message names both.</exception>
    public Task<string> StartFlowRunAsync(
        string flowName,
        IReadOnlyDictionary<string, object?>? parameters = null,
        string? flowRunId = null,
        CancellationToken cancellationToken = default)
    {
        var options = SystemTextJsonResultSerializer.Default.Options;
        var json = (parameters ?? ImmutableDictionary<string, object?>.Empty)
            .ToImmutableDictionary(pair => pair.Key, pair => JsonSerializer.Serialize(pair.Value, pair.Value?.GetType() ?? typeof(object), options));
        return StartFlowRunWithJsonAsync(flowName, json, flowRunId, cancellationToken);
    }

    /// <summary>Starts a flow run with parameters given as JSON text (for a string parameter, a bare word is the string).</summary>
    /// <param name="flowName">The flow.</param>
    /// <param name="parameters">Parameter values as JSON text, by name.</param>
    /// <param name="flowRunId">
    /// The run's id; a new one when <see langword="null"/>. As for <see cref="StartFlowRunAsync"/>: the same flow and
    /// parameters give the existing run, anything else is refused.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's id.</returns>
    /// <exception cref="UnknownFlowException">No flow of that name is registered.</exception>
    /// <exception cref="Flows.FlowValidationException">A parameter is missing, unknown or of the wrong type.</exception>
    /// <exception cref="FlowRunConflictException">The id names a run of another flow or with other parameters; the message names both.</exception>
    public async Task<string> StartFlowRunWithJsonAsync(
        string flowName,
        IReadOnlyDictionary<string, string> parameters,
        string? flowRunId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowName);
        flowRunId ??= Guid.NewGuid().ToString("N");
        if (flowRunId.Contains('/'))
        {
            throw new ArgumentException($"A flow run id cannot contain '/': '{flowRunId}'.", nameof(flowRunId));
        }

        await Cluster.GetGrain<IFlowRunGrain>(flowRunId)
            .StartAsync(flowName, parameters.ToImmutableDictionary())
            .WaitAsync(cancellationToken);
        return flowRunId;
    }

    /// <summary>
    /// Resumes a failed run under its id, on the version of the flow it started with. The tasks that failed, and those
    /// that did not run because of them, run again, each with its full retries (<c>MaxRetries</c> counts afresh from the
    /// resume), while attempt numbers go on from where they were. Tasks that succeeded do not run again: a checkpointed
    /// output is read back through its handler; an output that was not checkpointed and whose activation is gone is
    /// recomputed by running its task again, as for any lost output. Wait for the run with <see cref="WaitForFlowRunAsync"/>.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's state, running again; <see cref="FlowRunState.Resumes"/> counts its resumes.</returns>
    /// <exception cref="FlowRunNotResumableException">
    /// No run has that id, the run is still running, it succeeded, or the cluster no longer registers the version of the
    /// flow it started with; the message says which.
    /// </exception>
    public Task<FlowRunState> ResumeFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        return Cluster.GetGrain<IFlowRunGrain>(flowRunId).ResumeAsync().WaitAsync(cancellationToken);
    }

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
