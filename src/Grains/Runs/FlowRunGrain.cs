using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Options;
using Tributary.Recovery;
using Tributary.States;
using Orleans.Storage;
using Tributary.Storage;

namespace Tributary.Runs;

/// <summary>
/// One flow run. Validates the flow and the parameters, decides each task's trigger once its upstream tasks allow
/// (FlowRunGrain.Triggers.cs): starts it, or ends it UpstreamFailed, Skipped or TriggerFailed; and ends the run. It runs the version of its flow it started with to its end, and a
/// failed run can be resumed under its id (see FlowRunGrain.Resume.cs). It never sees a raw task output: it holds statuses, and
/// parameters as JSON. Its state is persisted when the run starts and when it ends; in between, the task-run
/// grains' own states are the record, and the run rebuilds its view from them after a restart.
/// </summary>
internal sealed partial class FlowRunGrain : Grain, IFlowRunGrain, IRemindable
{
    private readonly IPersistentState<FlowRunState> _state;
    private readonly IFlowCatalog _flows;
    private readonly TributaryOptions _options;
    private readonly TimeProvider _time;
    private readonly StorageRetry _storageRetry;
    private readonly LocalFlowRuns _localRuns;
    private readonly ILogger<FlowRunGrain> _logger;
    private readonly List<TaskCompletionSource> _waiters = [];
    private readonly IRecordForm<FlowRunState> _recordForm;

    // The run as this activation knows it; _state.State is only ever the record storage holds (see FlowRunGrain.Storage.cs).
    private FlowRunState _run = null!;

    // Tasks this activation knows were never started in this run (so nothing is stored for them). Empty after a
    // restart, when the run cannot know that.
    private readonly HashSet<string> _neverStarted = new(StringComparer.Ordinal);
    private FlowDefinition? _definition;

    public FlowRunGrain(
        [PersistentState("flow", TributaryStorage.Name)] IPersistentState<FlowRunState> state,
        IFlowCatalog flows,
        IOptions<TributaryOptions> options,
        TimeProvider time,
        StorageRetry storageRetry,
        LocalFlowRuns localRuns,
        ILogger<FlowRunGrain> logger)
    {
        _state = state;
        _recordForm = RecordForms.FlowRun(
            ServiceProvider.GetRequiredKeyedService<IGrainStorage>(TributaryStorage.Name), this.GetGrainId(), storageRetry, logger);
        _localRuns = localRuns;
        _storageRetry = storageRetry;
        _flows = flows;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private FlowRunState State
    {
        get => _run;
        set => _run = value;
    }

    /// <summary>The definition the run started with (its version), or the newest for a run that recorded none.</summary>
    /// <exception cref="FlowVersionNotFoundException">The silo does not register the run's version (any more).</exception>
    private FlowDefinition Definition =>
        _definition ??= State.FlowVersion is { } version ? _flows.Get(State.FlowName, version) : _flows.Get(State.FlowName);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!_state.RecordExists || _state.State?.FlowRunId is null)
        {
            State = new FlowRunState { FlowRunId = this.GetPrimaryKeyString(), Status = FlowRunStatus.NotFound };
            return;
        }

        _storedRecord = _state.State;
        State = await _recordForm.FromRecordAsync(_state.State); // a large flow's statuses are in records of their own
        if (State.Status == FlowRunStatus.Running)
        {
            // A restart or a deactivation: rebuild the view from the task runs' own states, then carry on.
            _holdingUnknown = true;
            StartProgressChecks(dueNow: true);
        }
    }

    public async Task<FlowRunState> StartAsync(string flowName, ImmutableDictionary<string, string> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowName);
        parameters ??= ImmutableDictionary<string, string>.Empty;
        if (State.Status != FlowRunStatus.NotFound)
        {
            // A run id is a promise: the same flow and parameters give this run; anything else is refused.
            EnsureSameRun(flowName, parameters);
            if (State.Status == FlowRunStatus.Running && _progressTimer is null)
            {
                // An earlier start was stored but did not finish arming (a reminder call failed): carry on from here.
                StartProgressChecks(dueNow: true);
                await this.RegisterOrUpdateReminder(ProgressReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            }

            return State;
        }

        // New runs take the newest version, and keep it to their end.
        var definition = _flows.Get(flowName);
        var bound = ParameterBinder.Bind(definition, parameters);
        var notStarted = State;
        _definition = definition;
        State = State with
        {
            FlowName = flowName,
            FlowVersion = definition.Version,
            Status = FlowRunStatus.Running,
            Parameters = bound,
            RefreshCache = _refreshCache,
            StartedAt = _time.GetUtcNow(),
            TaskStatuses = definition.TaskOrder.ToImmutableDictionary(name => name, _ => TaskRunStatus.Pending, StringComparer.Ordinal),
        };
        try
        {
            await StoreAsync();
        }
        catch
        {
            // Not stored, so not started: a later start with the same id begins afresh.
            State = notStarted;
            throw;
        }

        _neverStarted.UnionWith(definition.TaskOrder);
        LogStarted(_logger, State.FlowRunId, flowName, definition.Version);
        await RecordInIndexAsync();
        // The timer first: if registering the reminder fails, the run is still driven while this activation lives. Its
        // first check, due now, starts the ready tasks in a turn of its own: the caller is answered once the run is
        // stored, not after thousands of first tasks were called (a wide flow's start would outlast the call's timeout).
        // It asks no task: this activation knows none was started.
        StartProgressChecks(dueNow: true);
        await this.RegisterOrUpdateReminder(ProgressReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return State;
    }

    public Task<FlowRunState> GetStateAsync() => Task.FromResult(State);

    public async Task<FlowRunSnapshot> GetSnapshotAsync()
    {
        if (State.Status == FlowRunStatus.NotFound)
        {
            return new FlowRunSnapshot(State, []);
        }

        // The run's state is taken before the tasks' states: a task never goes back from final, so a snapshot whose run is
        // final has every task final too (taken after, the run could end while the tasks were being asked).
        var flow = State;
        return new FlowRunSnapshot(flow, await SnapshotTasksAsync());
    }

    public async Task<FlowRunState> WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        if (State.Status.IsFinal() || State.Status == FlowRunStatus.NotFound || maxWait <= TimeSpan.Zero)
        {
            return State;
        }

        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add(waiter);
        try
        {
            // A cancelled caller throws out of here (OperationCanceledException), and its waiter is removed below.
            await waiter.Task.WaitAsync(maxWait, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Not final yet: the caller asks again.
        }
        finally
        {
            _waiters.Remove(waiter);
        }

        return State;
    }

    private ITaskRunGrain TaskGrain(string taskName) => GrainReferences.Of<ITaskRunGrain>(GrainFactory, TaskRunKey.Of(State.FlowRunId, taskName));
}
