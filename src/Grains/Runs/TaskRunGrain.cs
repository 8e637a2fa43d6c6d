using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Diagnostics;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Options;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.States;
using Tributary.Storage;
using Orleans.Storage;

namespace Tributary.Runs;

/// <summary>
/// One task run. Keeps its <see cref="Result"/> (the raw output) in activation memory for downstream tasks, and
/// persists a <see cref="TaskRunState"/> (safe values only) when the run reaches a state that must survive a restart:
/// success, failure, skipped, retrying (with its cached inputs), or not run because of its trigger.
/// </summary>
internal sealed partial class TaskRunGrain : Grain, ITaskRunGrain, IRemindable
{
    private readonly LazyGrainState<TaskRunState> _state;
    private readonly IFlowCatalog _flows;
    private readonly IResultHandlerCatalog _handlers;
    private readonly ResultHandlerResolver _resolver;
    private readonly IResultSerializer _serializer;
    private readonly TributaryOptions _options;
    private readonly TimeProvider _time;
    private readonly StorageRetry _storageRetry;
    private readonly ILogger<TaskRunGrain> _logger;
    private readonly TributaryTelemetry _telemetry;
    private readonly string _flowRunId;
    private readonly string _taskName;

    private Result? _output;
    private byte[]? _payload;
    private ImmutableDictionary<string, string> _parameterInputs = ImmutableDictionary<string, string>.Empty;
    private Task? _attempt;
    private CancellationTokenSource? _attemptCancellation;
    private bool _deactivating;
    private bool _deactivated;

    public TaskRunGrain(
        IFlowCatalog flows,
        IResultHandlerCatalog handlers,
        ResultHandlerResolver resolver,
        IResultSerializer serializer,
        IOptions<TributaryOptions> options,
        TimeProvider time,
        StorageRetry storageRetry,
        TributaryTelemetry telemetry,
        ILogger<TaskRunGrain> logger)
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(TributaryStorage.Name);
        _state = new LazyGrainState<TaskRunState>(storage, "task", this.GetGrainId(), NewState, OnStateLoaded, storageRetry, OnStateBroken)
        {
            AnswersUnstored = options.Value.ReportBeforeStored,
            Form = RecordForms.TaskRun(storage, this.GetGrainId(), storageRetry, logger), // a wide fan-in's cached inputs
        };
        _storageRetry = storageRetry;
        _flows = flows;
        _handlers = handlers;
        _resolver = resolver;
        _serializer = serializer;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _telemetry = telemetry;
        (_flowRunId, _taskName) = TaskRunKey.Parse(this.GetPrimaryKeyString());
    }

    private TaskRunState State
    {
        get => _state.State;
        set => _state.State = value;
    }

    /// <summary>Reads the stored state on first use.</summary>
    private Task EnsureLoadedAsync() => _state.IsLoaded ? Task.CompletedTask : _state.LoadAsync();

    private TaskRunState NewState() => NeverStarted(_flowRunId, _taskName);

    /// <summary>The state of a task run nothing was ever stored for: what its grain answers before its first start.</summary>
    internal static TaskRunState NeverStarted(string flowRunId, string taskName) =>
        new() { FlowRunId = flowRunId, FlowName = string.Empty, TaskName = taskName };

    private void OnStateLoaded(TaskRunState loaded)
    {
        if (loaded.Status == TaskRunStatus.Retrying)
        {
            // Re-activated after a deactivation or a restart: the retry timer died with the old activation.
            ArmRetryTimer(loaded.NextRetryAt ?? _time.GetUtcNow());
        }
        else if (loaded.Status == TaskRunStatus.Running && loaded.MapCount is null)
        {
            // Stored as running, yet no attempt runs here: the silo running it died. The attempt runs again, up to
            // Tributary:MaxLostAttempts times, so a task whose code brings its silo down cannot go on doing so.
            _attempt = RecoverLostAttemptAsync();
        }
    }

    public async Task RunAsync(string flowName, string? flowVersion, ImmutableDictionary<string, string> parameterInputs, bool firstStart)
    {
        if (!firstStart || !_state.TryMarkNew())
        {
            await EnsureLoadedAsync();
        }

        if (FailIfFlowVersionGone(flowName, flowVersion))
        {
            return;
        }

        if (State.Status == TaskRunStatus.Retrying)
        {
            if (_parameterInputs.IsEmpty)
            {
                _parameterInputs = parameterInputs;
            }

            // Its timer fires the retry; arm it again if an earlier failure (a state write) left it unarmed.
            if (_retryTimer is null)
            {
                ArmRetryTimer(State.NextRetryAt ?? _time.GetUtcNow());
            }

            return;
        }

        if (State.Status != TaskRunStatus.Pending)
        {
            // Running or final: nothing to start.
            return;
        }

        _parameterInputs = parameterInputs;
        State = State with { FlowName = flowName, Origin = (State.Origin ?? new TaskRunOrigin()) with { FlowVersion = flowVersion } };
        if (!TryGetNode(out _))
        {
            // The flow was redeployed without this task while the run was in flight: fail it, saying so.
            // Not awaited: the flow run is waiting on this call, so the report must go out after it returns.
            _attempt = FailUnrunnableAsync($"Flow '{flowName}' has no task '{_taskName}' any more (was it changed while runs were in flight?).");
            return;
        }

        StartAttempt();
    }

    public async Task<TaskRunState> GetStateAsync()
    {
        await EnsureLoadedAsync();
        return _state.Answer;
    }

    public Task MarkUpstreamFailedAsync(string flowName, string reason) => MarkNotRunAsync(flowName, TaskRunStatus.UpstreamFailed, reason);

    public async Task MarkNotRunAsync(string flowName, TaskRunStatus status, string reason)
    {
        if (status is not (TaskRunStatus.UpstreamFailed or TaskRunStatus.Skipped or TaskRunStatus.TriggerFailed))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A task not run ends UpstreamFailed, Skipped or TriggerFailed.");
        }

        await EnsureLoadedAsync();
        if (State.Status != TaskRunStatus.Pending)
        {
            return;
        }

        State = State with
        {
            FlowName = flowName,
            Status = status,
            Message = reason,
            FinishedAt = _time.GetUtcNow(),
        };
        await _state.WriteAsync();
    }

    public async Task<TaskRunStatus> ResetAsync()
    {
        await EnsureLoadedAsync();
        if (!State.Status.IsSuccess() || _output is not null || State.MapCount is not null)
        {
            // Only a success whose output is gone runs again. Anything else (on its way, holding its output after all,
            // or failed) is left as it is, and the flow run acts on the status given back.
            return State.Status;
        }

        LogReset(_logger, _flowRunId, _taskName, State.Status);
        _output = null;
        _payload = null;
        State = State with
        {
            Status = TaskRunStatus.Pending,
            Output = null,
            FinishedAt = null,
            NextRetryAt = null,
            CachedInputs = ImmutableDictionary<string, SafeResult>.Empty,
            OwnedCachedInputs = [],
            Attempt = 0,
            LostAttempts = 0,
            InterruptedAttempts = 0,
            Origin = State.Origin is { } origin ? origin with { AttemptsBeforeResume = 0 } : null, // fresh counts, as above
            Message = "Its output was lost (not kept, or its checkpoint is gone); running it again for a downstream task.",
        };
        await _state.WriteAsync();
        return State.Status;
    }

    // The version of the flow the run started with (see TaskRunGrain.Versions.cs); the newest for a run that recorded none.
    private FlowDefinition Flow => State.FlowVersion is { } version ? _flows.Get(State.FlowName, version) : _flows.Get(State.FlowName);

    private TaskNode Node => TryGetNode(out var task)
        ? task
        : throw new InvalidOperationException($"Flow '{State.FlowName}' has no task '{_taskName}' (was the flow changed while runs were in flight?).");

    private string Truncate(string message) =>
        message.Length <= _options.MaxMessageLength ? message : message[.._options.MaxMessageLength] + "…";
}
