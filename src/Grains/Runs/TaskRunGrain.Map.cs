using System.Collections;
using System.Text.Json.Nodes;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.States;

namespace Tributary.Runs;

// Maps (FlowBuilder.Map). The map's own task run counts its list and waits; its flow run starts one child per element,
// "score[0]", "score[1]", ..., each an ordinary task run of the map's code taking one element; the map ends when its
// flow run saw every child final (CompleteMapAsync). Only the count is stored; the elements stay where they are (the
// list's task-run memory or checkpoint), and the list of the children's outputs is put together in this grain's memory
// when a task or a client asks the map for its output.
internal sealed partial class TaskRunGrain
{
    /// <summary>The task this grain runs: a task of the flow, or the code of a map for one of its children.</summary>
    private bool TryGetNode(out TaskNode node)
    {
        if (Flow.Tasks.TryGetValue(_taskName, out node!))
        {
            return true;
        }

        if (MapChildIndex is not null && Flow.Tasks.TryGetValue(_mapName!, out var map) && map.Map is { } info)
        {
            node = info.Child;
            return true;
        }

        return false;
    }

    private string? _mapName;

    /// <summary>For a map's child, its element's index (see <see cref="MappedTaskName"/>); <see langword="null"/> otherwise.</summary>
    private int? MapChildIndex => MappedTaskName.TryParse(_taskName, out var mapName, out var index)
        && !Flow.Tasks.ContainsKey(_taskName) && (_mapName = mapName) is not null
        ? index
        : null;

    /// <summary>Whether the task's output is held for its downstream tasks (a child's: for its map's).</summary>
    private bool HasDownstream() =>
        Flow.Downstream.TryGetValue(MapChildIndex is null ? _taskName : _mapName!, out var downstream) && downstream.Count > 0;

    /// <summary>A map's attempt: count the list (its only input), store the count, and let the flow run start the children.</summary>
    private async Task<TaskRunStatus> RunMapAsync(TaskNode node, MapInfo map)
    {
        int count;
        try
        {
            if (Flow.Parameters.ContainsKey(map.ListSource))
            {
                count = ParameterList(map).Count;
            }
            else
            {
                var upstream = GrainReferences.Of<ITaskRunGrain>(GrainFactory, TaskRunKey.Of(_flowRunId, map.ListSource));
                count = await _storageRetry.ExecuteAsync(_ => upstream.GetOutputCountAsync());
            }
        }
        catch (TaskOutputUnavailableException unavailable)
        {
            if (unavailable.Lost || !await EndedWithoutOutputAsync(node, map.ListSource))
            {
                await ReportInputsLostAsync([unavailable.TaskName]);
                return TaskRunStatus.Pending;
            }

            count = 0; // a trigger other than the default ran the map although its list's task did not succeed: no elements
        }
        catch (Exception ex)
        {
            return await FailAttemptAsync(node, inputs: null, $"Could not count the elements of '{map.ListSource}': {ex.Message}", ex);
        }

        State = State with { MapCount = count, PendingOutput = null, Message = null };
        await _state.WriteAsync();
        LogMapCounted(_logger, _flowRunId, _taskName, count);
        await ReportAsync(new TaskRunReport { TaskName = _taskName, Status = TaskRunStatus.Running, MapCount = count });
        return TaskRunStatus.Running;
    }

    private JsonArray ParameterList(MapInfo map) =>
        _parameterInputs.TryGetValue(map.ListInput, out var json)
            ? JsonNode.Parse(json) as JsonArray ?? []
            : throw new RetryInputMissingException($"the value of parameter '{map.ListSource}' for input '{map.ListInput}' was not given to this activation.");

    /// <summary>A map child's input: element <paramref name="index"/> of the map's list, from its task or its parameter.</summary>
    private async Task LoadElementAsync(TaskNode node, int index, object?[] values, InputOrigin[] origins, List<string> lost)
    {
        var input = node.Function.Inputs[0];
        var source = node.Edges[input.Name];
        if (Flow.Parameters.ContainsKey(source))
        {
            var element = _parameterInputs.TryGetValue(input.Name, out var json) && JsonNode.Parse(json) is JsonArray list && index < list.Count
                ? list[index]
                : throw new RetryInputMissingException($"element {index} of parameter '{source}' was neither cached nor given to this activation.");
            values[0] = await _handlers.GetHandler(ResultHandlers.Json).ReadAsync(element?.DeepClone(), input.Type);
            origins[0] = new InputOrigin(input.Name, input.Type, ResultHandlers.Json, SafeValue: null);
            return;
        }

        try
        {
            var upstream = GrainReferences.Of<ITaskRunGrain>(GrainFactory, TaskRunKey.Of(_flowRunId, source));
            var output = await _storageRetry.ExecuteAsync(_ => upstream.GetOutputElementAsync(index));
            values[0] = _serializer.Deserialize(output.Payload, input.Type);
            // No safe value: a retry caches the element itself, through the handler of the list's task.
            origins[0] = new InputOrigin(input.Name, input.Type, output.Handler, SafeValue: null);
        }
        catch (TaskOutputUnavailableException unavailable)
        {
            lost.Add(unavailable.TaskName);
        }
    }

    public async Task<int> GetOutputCountAsync(CancellationToken cancellationToken)
    {
        var output = await SucceededOutputAsync(cancellationToken);
        return output.Value switch
        {
            null => 0,
            ICollection collection => collection.Count,
            IEnumerable enumerable => enumerable.Cast<object?>().Count(),
            var other => throw new InvalidOperationException($"The output of task '{_taskName}' is a {other.GetType().Name}, not a list."),
        };
    }

    public async Task<TaskOutput> GetOutputElementAsync(int index, CancellationToken cancellationToken)
    {
        var output = await SucceededOutputAsync(cancellationToken);
        var element = output.Value switch
        {
            IList list when index >= 0 && index < list.Count => list[index],
            IList => throw new ArgumentOutOfRangeException(nameof(index), index, $"The output of task '{_taskName}' has no element {index}."),
            IEnumerable enumerable => enumerable.Cast<object?>().ElementAt(index),
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"The output of task '{_taskName}' is not a list."),
        };
        var type = ElementTypeOf(output.ValueType) ?? element?.GetType() ?? typeof(object);
        return new TaskOutput
        {
            Payload = _serializer.Serialize(element, type),
            Handler = State.ResultHandler ?? output.ResultHandler.Descriptor,
            SafeValue = null,
            ValueTypeName = TypeNames.Of(type),
        };
    }

    public async Task CompleteMapAsync(TaskRunStatus status, string? message)
    {
        await EnsureLoadedAsync();
        if (State.MapCount is null || (State.Status == status && State.Message == message))
        {
            return;
        }

        // Ended again after a child ran again (its output was lost): the list is put together afresh when asked.
        _output = null;
        _payload = null;
        _outputLoad = null;
        End(status, output: null, message);
        await _state.WriteAsync();
        LogMapCompleted(_logger, _flowRunId, _taskName, status);
    }

    private async Task<Result> SucceededOutputAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync();
        if (!_state.Answer.Status.IsSuccess())
        {
            throw NotSucceeded();
        }

        return await EnsureOutputAsync(cancellationToken);
    }

    /// <summary>
    /// A map's output: its children's outputs, in order, as one list in this activation's memory (never in its state).
    /// A child that skipped itself gives no element; a child whose output is gone is named, so that it runs again.
    /// </summary>
    private async Task<Result> AssembleMapOutputAsync(int count)
    {
        if (!TryGetNode(out var node) || node.Map is not { } map)
        {
            throw new TaskOutputUnavailableException(_taskName, "its map is not in the flow any more.", lost: false);
        }

        // A few children at a time (Tributary:InputConcurrency), like any task's inputs.
        var outputs = await BoundedConcurrency.WhenAllAsync(Enumerable.Range(0, count).ToArray(), _options.InputConcurrency, ChildOutputAsync);
        var kept = outputs.Where(output => output is not null).ToArray();
        var list = Array.CreateInstance(map.OutputElementType, kept.Length);
        for (var i = 0; i < kept.Length; i++)
        {
            list.SetValue(_serializer.Deserialize(kept[i]!.Payload, map.OutputElementType), i);
        }

        return new Result(list, list.GetType(), _handlers.GetHandler(State.ResultHandler ?? ResultHandlers.Json));
    }

    private async Task<TaskOutput?> ChildOutputAsync(int index)
    {
        var name = MappedTaskName.Of(_taskName, index);
        var child = GrainReferences.Of<ITaskRunGrain>(GrainFactory, TaskRunKey.Of(_flowRunId, name));
        try
        {
            return await _storageRetry.ExecuteAsync(_ => child.GetOutputAsync());
        }
        catch (TaskOutputUnavailableException unavailable) when (!unavailable.Lost)
        {
            var state = await child.GetStateAsync();
            return state.Status switch
            {
                TaskRunStatus.Skipped => null,
                // Set back to run again (its output was lost) after the map ended: the map's downstream waits for it.
                var status when !status.IsFinal() => throw new TaskOutputUnavailableException(name, $"it is {status} again.", lost: true),
                var status => throw new TaskOutputUnavailableException(_taskName, $"its child '{name}' is {status}.", lost: false),
            };
        }
    }

    private static Type? ElementTypeOf(Type listType)
    {
        if (listType.IsArray)
        {
            return listType.GetElementType();
        }

        var enumerable = listType.IsGenericType && listType.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? listType
            : listType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
