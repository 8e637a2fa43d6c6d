using Tributary.Flows;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Client;

/// <summary>
/// One flow run, by its id, on a client: the client's per-run calls without repeating the id. Making a handle calls
/// nothing; each method is one call of <see cref="Client"/>, so a fake <see cref="ITributaryClient"/> serves handles too.
/// </summary>
/// <example>
/// <code>
/// var sums = new SumFlow();   // a flow provider that exposes its nodes, e.g. public TaskNode&lt;int&gt; Total
/// var run = client.GetFlowRunHandle(await client.StartFlowRunAsync(SumFlow.Name, new Dictionary&lt;string, object?&gt; { ["n"] = 3 }));
/// await run.WaitAsync(TimeSpan.FromMinutes(1));
/// int total = await run.GetResultAsync(sums.Total);
/// </code>
/// </example>
public sealed class FlowRunHandle
{
    /// <summary>Creates a handle on the run <paramref name="flowRunId"/> of <paramref name="client"/>.</summary>
    /// <param name="client">The client every call goes through.</param>
    /// <param name="flowRunId">The run's id.</param>
    /// <exception cref="ArgumentException"><paramref name="flowRunId"/> is empty.</exception>
    public FlowRunHandle(ITributaryClient client, string flowRunId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        Client = client;
        Id = flowRunId;
    }

    /// <summary>The client the calls go through.</summary>
    public ITributaryClient Client { get; }

    /// <summary>The run's id.</summary>
    public string Id { get; }

    /// <summary>The run and its task runs (safe values only); see <see cref="ITributaryClient.GetFlowRunAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<FlowRunSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) =>
        Client.GetFlowRunAsync(Id, cancellationToken);

    /// <summary>The run's progress (status and counts), one call whatever its size; see <see cref="ITributaryClient.GetFlowRunProgressAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<FlowRunProgress> GetProgressAsync(CancellationToken cancellationToken = default) =>
        Client.GetFlowRunProgressAsync(Id, cancellationToken);

    /// <summary>One page of the run's task table; see <see cref="ITributaryClient.GetTaskRunsPageAsync"/>.</summary>
    /// <param name="offset">The first row, from 0.</param>
    /// <param name="limit">At most this many rows, from 1 to <see cref="TaskPageLimits.MaxLimit"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<TaskRunPage> GetTaskRunsPageAsync(int offset = 0, int limit = 100, CancellationToken cancellationToken = default) =>
        Client.GetTaskRunsPageAsync(Id, offset, limit, cancellationToken);

    /// <summary>Every task run, a page at a time; see <see cref="TributaryClientExtensions.GetTaskRunsAsync"/>.</summary>
    /// <param name="pageSize">Rows per call, from 1 to <see cref="TaskPageLimits.MaxLimit"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public IAsyncEnumerable<TaskRunState> GetTaskRunsAsync(int pageSize = 100, CancellationToken cancellationToken = default) =>
        Client.GetTaskRunsAsync(Id, pageSize, cancellationToken);

    /// <summary>Waits until the run is final; see <see cref="ITributaryClient.WaitForFlowRunAsync"/>.</summary>
    /// <param name="timeout">How long to wait in all.</param>
    /// <param name="progress">Given snapshots while the run goes on; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The final snapshot.</returns>
    /// <exception cref="TimeoutException">The run is not final after <paramref name="timeout"/>.</exception>
    /// <exception cref="ArgumentException">No run has this id.</exception>
    public Task<FlowRunSnapshot> WaitAsync(TimeSpan timeout, IProgress<FlowRunSnapshot>? progress = null, CancellationToken cancellationToken = default) =>
        Client.WaitForFlowRunAsync(Id, timeout, progress, cancellationToken);

    /// <summary>Cancels the run; see <see cref="ITributaryClient.CancelFlowRunAsync"/>.</summary>
    /// <param name="reason">Why; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call (not the run).</param>
    /// <returns>The run's state: Cancelled, Running while attempts wind down, or the final status it already had.</returns>
    public Task<FlowRunState> CancelAsync(string? reason = null, CancellationToken cancellationToken = default) =>
        Client.CancelFlowRunAsync(Id, reason, cancellationToken);

    /// <summary>Resumes the run after a failure; see <see cref="ITributaryClient.ResumeFlowRunAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's state, running again.</returns>
    public Task<FlowRunState> ResumeAsync(CancellationToken cancellationToken = default) =>
        Client.ResumeFlowRunAsync(Id, cancellationToken);

    /// <summary>Reads a typed task's output through its handler; see <see cref="ITributaryClient.GetResultAsync{TOut}"/>.</summary>
    /// <typeparam name="TOut">The task's output type.</typeparam>
    /// <param name="task">The task, as its flow defines it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The task's output.</returns>
    /// <exception cref="ArgumentException">No run has this id, or <paramref name="task"/> belongs to another flow than the run's.</exception>
    public Task<TOut> GetResultAsync<TOut>(TaskNode<TOut> task, CancellationToken cancellationToken = default) =>
        Client.GetResultAsync(Id, task, cancellationToken);

    /// <summary>Reads a task's output through its handler by the task's name; see <see cref="ITributaryClient.ReadTaskResultAsync(string, string, CancellationToken)"/>.</summary>
    /// <param name="taskName">The task.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<Result> ReadResultAsync(string taskName, CancellationToken cancellationToken = default) =>
        Client.ReadTaskResultAsync(Id, taskName, cancellationToken);

    /// <summary>Reads a task's output as <typeparamref name="T"/> by the task's name; see <see cref="ITributaryClient.ReadTaskResultAsync{T}"/>.</summary>
    /// <typeparam name="T">The type to read the output as.</typeparam>
    /// <param name="taskName">The task.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<Result<T>> ReadResultAsync<T>(string taskName, CancellationToken cancellationToken = default) =>
        Client.ReadTaskResultAsync<T>(Id, taskName, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Id;
}
