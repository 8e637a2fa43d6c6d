using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Options;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.States;

namespace Tributary.Runs;

/// <summary>
/// One task run. Keeps its <see cref="Result"/> (the raw output) in activation memory for downstream tasks, and
/// persists a <see cref="TaskRunState"/> (safe values only) when the run reaches a state that must survive a restart:
/// success, failure, retrying (with its cached inputs), or not run because an upstream failed.
/// </summary>
internal sealed partial class TaskRunGrain : Grain, ITaskRunGrain, IRemindable
{
    private readonly IPersistentState<TaskRunState> _state;
    private readonly IFlowCatalog _flows;
    private readonly IResultHandlerCatalog _handlers;
    private readonly ResultHandlerResolver _resolver;
    private readonly IResultSerializer _serializer;
    private readonly TributaryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TaskRunGrain> _logger;
    private readonly string _flowRunId;
    private readonly string _taskName;

    private Result? _output;
    private byte[]? _payload;
    private ImmutableDictionary<string, string> _parameterInputs = ImmutableDictionary<string, string>.Empty;
    private Task? _attempt;

    public TaskRunGrain(
        [PersistentState("task", TributaryStorage.Name)] IPersistentState<TaskRunState> state,
        IFlowCatalog flows,
        IResultHandlerCatalog handlers,
        ResultHandlerResolver resolver,
        IResultSerializer serializer,
        IOptions<TributaryOptions> options,
        TimeProvider time,
        ILogger<TaskRunGrain> logger)
    {
        _state = state;
        _flows = flows;
        _handlers = handlers;
        _resolver = resolver;
        _serializer = serializer;
        _options = options.Value;
        _time = time;
        _logger = logger;
        (_flowRunId, _taskName) = TaskRunKey.Parse(this.GetPrimaryKeyString());
    }

    private TaskRunState State
    {
        get => _state.State;
        set => _state.State = value;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!_state.RecordExists || State.TaskName is null)
        {
            State = new TaskRunState { FlowRunId = _flowRunId, FlowName = string.Empty, TaskName = _taskName };
        }
        else if (State.Status == TaskRunStatus.Retrying)
        {
            // Re-activated after a deactivation or a restart: the timer died with the old activation.
            ArmRetryTimer(State.NextRetryAt ?? _time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    public Task RunAsync(string flowName, ImmutableDictionary<string, string> parameterInputs)
    {
        if (State.Status == TaskRunStatus.Retrying && _parameterInputs.IsEmpty)
        {
            _parameterInputs = parameterInputs;
        }

        if (State.Status != TaskRunStatus.Pending)
        {
            // Running, retrying (its timer or reminder fires) or final: nothing to start.
            return Task.CompletedTask;
        }

        _parameterInputs = parameterInputs;
        State = State with { FlowName = flowName };
        StartAttempt();
        return Task.CompletedTask;
    }

    public Task<TaskRunState> GetStateAsync() => Task.FromResult(State);

    public async Task MarkUpstreamFailedAsync(string flowName, string reason)
    {
        if (State.Status != TaskRunStatus.Pending)
        {
            return;
        }

        State = State with
        {
            FlowName = flowName,
            Status = TaskRunStatus.UpstreamFailed,
            Message = reason,
            FinishedAt = _time.GetUtcNow(),
        };
        await _state.WriteStateAsync();
    }

    public async Task ResetAsync()
    {
        if (State.Status is TaskRunStatus.Running or TaskRunStatus.Pending)
        {
            return;
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
            Message = "Its output was lost (not checkpointed, activation gone); running it again for a downstream task.",
        };
        await _state.WriteStateAsync();
    }

    private FlowDefinition Flow => _flows.Get(State.FlowName);

    private TaskNode Node => Flow.Tasks.TryGetValue(_taskName, out var task)
        ? task
        : throw new InvalidOperationException($"Flow '{State.FlowName}' has no task '{_taskName}' (was the flow changed while runs were in flight?).");

    private string Truncate(string message) =>
        message.Length <= _options.MaxMessageLength ? message : message[.._options.MaxMessageLength] + "…";
}
