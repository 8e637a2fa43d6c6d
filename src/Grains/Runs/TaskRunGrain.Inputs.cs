using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tributary.Diagnostics;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.States;

namespace Tributary.Runs;

internal sealed partial class TaskRunGrain
{
    // The inputs of the last attempt, kept so that a retry in the same activation does not fetch them again.
    private AttemptInputs? _inputsOfAttempt;

    // The read of the output into memory under way, if any (see EnsureOutputAsync).
    private Task<Result>? _outputLoad;

    public Task<TaskOutput> GetOutputAsync(CancellationToken cancellationToken) => GetOutputAsync(byReference: false, -1, cancellationToken);

    public Task<TaskOutput> GetOutputOrReferenceAsync(int maxPayloadBytes, CancellationToken cancellationToken) =>
        GetOutputAsync(byReference: true, maxPayloadBytes, cancellationToken);

    private async Task<TaskOutput> GetOutputAsync(bool byReference, int maxPayloadBytes, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync();
        if (!_state.Answer.Status.IsSuccess())
        {
            throw NotSucceeded();
        }

        if (byReference && _output is null && State.Output is { } checkpoint)
        {
            // Not in memory: the caller reads the checkpoint itself rather than this grain reading and copying it.
            return ByReference(checkpoint);
        }

        var output = await EnsureOutputAsync(cancellationToken);
        if (_payload is null)
        {
            _payload = _serializer.Serialize(output.Value, output.ValueType);
            _telemetry.OutputSize.Record(
                _payload.Length, new KeyValuePair<string, object?>("flow", State.FlowName), new KeyValuePair<string, object?>("task", _taskName));
        }

        if (byReference && maxPayloadBytes >= 0 && _payload.Length > maxPayloadBytes && State.Output is { } stored)
        {
            return ByReference(stored);
        }

        return new TaskOutput
        {
            Payload = _payload,
            Handler = State.ResultHandler ?? output.ResultHandler.Descriptor,
            SafeValue = State.Output,
            ValueTypeName = TypeNames.Of(output.ValueType),
        };
    }

    private TaskOutput ByReference(SafeResult checkpoint) => new()
    {
        Payload = [],
        ByReference = true,
        Handler = State.ResultHandler ?? checkpoint.Handler,
        SafeValue = checkpoint,
        ValueTypeName = checkpoint.ValueTypeName ?? string.Empty,
    };

    /// <summary>The output in memory: kept, read back from its checkpoint, or (for a map) put together from its children's.</summary>
    /// <remarks>
    /// One read at a time, shared: a map's children ask for their elements all at once. A caller's token stops only its
    /// own wait, so one caller giving up does not fail the read the others wait for.
    /// </remarks>
    private async Task<Result> EnsureOutputAsync(CancellationToken cancellationToken)
    {
        if (_output is not null)
        {
            return _output;
        }

        var load = _outputLoad ??= LoadOutputAsync();
        try
        {
            return _output = await load.WaitAsync(cancellationToken);
        }
        finally
        {
            // A caller that gave up leaves an unfinished read in place for the next one; a finished read (done or
            // failed) is forgotten, so a failed one is tried afresh.
            if (ReferenceEquals(_outputLoad, load) && load.IsCompleted)
            {
                _outputLoad = null;
            }
        }
    }

    private async Task<Result> LoadOutputAsync()
    {
        if (State.Output is not { } checkpoint)
        {
            return State.MapCount is { } count ? await AssembleMapOutputAsync(count) : throw OutputLost();
        }

        // After a deactivation or a restart: read the checkpoint back through the task's own handler. A checkpoint
        // that is gone (deleted, expired) counts as a lost output: the task runs again rather than failing its
        // downstream.
        try
        {
            return (Result)await checkpoint.ToResultAsync(_handlers);
        }
        catch (ResultLocationNotFoundException ex)
        {
            throw new TaskOutputUnavailableException(_taskName, $"its checkpoint is gone: {ex.Message}", lost: true);
        }
    }

    public async Task<SafeResult> StoreOutputAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync();
        if (State.Output is { } stored)
        {
            return stored;
        }

        if (!State.Status.IsSuccess())
        {
            throw NotSucceeded();
        }

        var safe = await StoreAsync(await EnsureOutputAsync(cancellationToken), cancellationToken: cancellationToken);
        State = State with { Output = safe };
        await _state.WriteAsync();
        TellFlowRunOfStoredOutput();
        return safe;
    }

    private TaskOutputUnavailableException NotSucceeded() =>
        new(_taskName, $"it is {State.Status}, not {TaskRunStatus.Success}.", lost: false);

    private TaskOutputUnavailableException OutputLost() =>
        new(_taskName, "it succeeded, but its output was not checkpointed and the activation that held it is gone.", lost: true);

    private async Task<AttemptInputs> GatherInputsAsync(TaskNode node)
    {
        if (_inputsOfAttempt is { } kept)
        {
            return kept;
        }

        var inputs = node.Function.Inputs;
        var values = new object?[inputs.Count];
        var origins = new InputOrigin[inputs.Count];
        var lost = new List<string>();

        // A few at a time (Tributary:InputConcurrency): a fan-in of thousands would otherwise send every upstream call
        // at once. Each load writes its own index, so the values keep the inputs' order.
        await BoundedConcurrency.ForEachAsync(
            inputs.Count, _options.InputConcurrency, i => LoadInputAsync(node, i, values, origins, lost));
        if (lost.Count > 0)
        {
            throw new UpstreamOutputsLostException(lost);
        }

        return new AttemptInputs(values, origins);
    }

    private async Task LoadInputAsync(TaskNode node, int index, object?[] values, InputOrigin[] origins, List<string> lost)
    {
        var input = node.Function.Inputs[index];
        var source = node.Edges[input.Name];
        if (State.CachedInputs.TryGetValue(input.Name, out var cached))
        {
            // A retry after a deactivation or a restart: the input was stored through its producer's handler.
            values[index] = await cached.ReadValueAsync(input.Type, _handlers);
            origins[index] = new InputOrigin(input.Name, input.Type, cached.Handler, cached);
            return;
        }

        if (State.UncachedInputs.Contains(input.Name))
        {
            // Only a retry in a new activation gets here (the activation that failed keeps its inputs in memory).
            throw new RetryInputMissingException(
                $"input '{input.Name}' (from '{source}') was not cached for the retry (its handler's write failed) and the activation that held it is gone.");
        }

        if (MapChildIndex is { } element)
        {
            await LoadElementAsync(node, element, values, origins, lost); // a map's child: one element of the map's list
            return;
        }

        if (Flow.Parameters.ContainsKey(source))
        {
            var json = _parameterInputs.TryGetValue(input.Name, out var text)
                ? text
                : throw new RetryInputMissingException($"the value of parameter '{source}' for input '{input.Name}' was neither cached nor given to this activation.");
            values[index] = await _handlers.GetHandler(ResultHandlers.Json).ReadAsync(JsonNode.Parse(json), input.Type);
            origins[index] = new InputOrigin(input.Name, input.Type, ResultHandlers.Json, SafeValue: null);
            return;
        }

        try
        {
            // A call that fails on the way (the upstream's silo shutting down or dead) is retried like a storage fault:
            // the next try reaches the upstream's new activation.
            var upstream = GrainReferences.Of<ITaskRunGrain>(GrainFactory, TaskRunKey.Of(_flowRunId, source));
            var output = await _storageRetry.ExecuteAsync(_ => upstream.GetOutputOrReferenceAsync(_options.DirectReadAbove));
            values[index] = output is { ByReference: true, SafeValue: { } checkpoint }
                ? await ReadCheckpointAsync(checkpoint, input.Type, upstream)
                : _serializer.Deserialize(output.Payload, input.Type);
            origins[index] = new InputOrigin(input.Name, input.Type, output.Handler, output.SafeValue);
        }
        catch (TaskOutputUnavailableException unavailable)
        {
            if (!unavailable.Lost && await EndedWithoutOutputAsync(node, source))
            {
                // A trigger other than the default runs this task although that upstream did not succeed: it has no
                // value to give, so the input takes its type's default (see TaskTrigger).
                values[index] = input.Type.IsValueType ? Activator.CreateInstance(input.Type) : null;
                origins[index] = new InputOrigin(input.Name, input.Type, ResultHandlers.Json, SafeValue: null);
                return;
            }

            // Lost with its activation, or its checkpoint gone, or being run again for another downstream task: this
            // task goes back to waiting, and the flow run runs that upstream again where needed (for a map: the
            // child whose output is gone).
            lost.Add(unavailable.TaskName);
        }
    }

    /// <summary>
    /// An upstream's checkpoint read through its handler. One that is gone is asked of the upstream itself, which gives
    /// the value it still holds, or says the output is lost (so the flow run runs it again).
    /// </summary>
    private async Task<object?> ReadCheckpointAsync(SafeResult checkpoint, Type type, ITaskRunGrain upstream)
    {
        try
        {
            return await checkpoint.ReadValueAsync(type, _handlers);
        }
        catch (ResultLocationNotFoundException)
        {
            var output = await _storageRetry.ExecuteAsync(_ => upstream.GetOutputAsync());
            return _serializer.Deserialize(output.Payload, type);
        }
    }

    /// <summary>Whether, for a task whose trigger is not the default, the upstream <paramref name="source"/> ended without an output.</summary>
    private async Task<bool> EndedWithoutOutputAsync(TaskNode node, string source)
    {
        if (node.Options.Trigger == TaskTrigger.AllSuccessful)
        {
            return false;
        }

        var upstream = await GrainReferences.Of<ITaskRunGrain>(GrainFactory, TaskRunKey.Of(_flowRunId, source)).GetStateAsync();
        return upstream.Status.IsFinal() && !upstream.Status.IsSuccess();
    }

    /// <summary>
    /// Stores each input through the handler of the node that produced it (reusing safe values that exist), each on its
    /// own, so that one handler's fault leaves the others cached.
    /// </summary>
    /// <remarks>At most <see cref="Tributary.Options.TributaryOptions.InputConcurrency"/> writes are in flight at once.</remarks>
    private async Task<InputCaching> CacheInputsAsync(AttemptInputs inputs)
    {
        var stored = new (string InputName, SafeResult? Safe, bool Owned, Exception? Fault)[inputs.Origins.Length];
        await BoundedConcurrency.ForEachAsync(
            inputs.Origins.Length, _options.InputConcurrency, async i => stored[i] = await CacheInputAsync(inputs, i));
        return new InputCaching(
            stored.Where(item => item.Safe is not null).ToImmutableDictionary(item => item.InputName, item => item.Safe!, StringComparer.Ordinal),
            [.. stored.Where(item => item.Owned && item.Safe is not null).Select(item => item.InputName)],
            [.. stored.Where(item => item.Fault is not null).Select(item => item.InputName)],
            stored.Select(item => item.Fault).FirstOrDefault(fault => fault is not null));
    }

    /// <summary>Caches one input: the safe value it already has, or a copy stored through its producer's handler.</summary>
    private async Task<(string InputName, SafeResult? Safe, bool Owned, Exception? Fault)> CacheInputAsync(AttemptInputs inputs, int i)
    {
        var origin = inputs.Origins[i];
        if (State.CachedInputs.TryGetValue(origin.InputName, out var already))
        {
            return (origin.InputName, Safe: already, Owned: State.OwnedCachedInputs.Contains(origin.InputName), Fault: (Exception?)null);
        }

        if (origin.SafeValue is { } existing)
        {
            return (origin.InputName, Safe: existing, Owned: false, Fault: null);
        }

        try
        {
            var result = new Result(inputs.Values[i], origin.InputType, _handlers.GetHandler(origin.Handler));
            return (origin.InputName, Safe: await StoreAsync(result), Owned: true, Fault: null);
        }
        catch (Exception ex)
        {
            return (origin.InputName, Safe: (SafeResult?)null, Owned: false, Fault: ex);
        }
    }

    /// <summary>Deletes the input copies this task cached for its retries, now that it succeeded (best effort).</summary>
    private async Task DeleteCachedCopiesAsync(IReadOnlyList<SafeResult> copies)
    {
        foreach (var copy in copies)
        {
            await DeleteQuietlyAsync(copy.Handler, JsonNode.Parse(copy.Json));
        }
    }

    /// <summary>Deletes what the task stored at a location it no longer needs; a failure is logged, never thrown.</summary>
    private async Task DeleteQuietlyAsync(ResultHandlerDescriptor handler, JsonNode? location)
    {
        try
        {
            await _handlers.GetHandler(handler).DeleteAsync(location);
        }
        catch (Exception ex)
        {
            LogCachedCopyNotDeleted(_logger, ex, _flowRunId, _taskName, handler.Kind);
        }
    }

    /// <summary>
    /// Puts the task in a final status, dropping what its retries kept (cached inputs, the pending checkpoint key).
    /// </summary>
    /// <returns>The input copies the task stored itself: delete them once the final state is stored.</returns>
    private SafeResult[] End(TaskRunStatus status, SafeResult? output, string? message)
    {
        var copies = State.OwnedCachedInputs.Select(name => State.CachedInputs[name]).ToArray();
        State = State with
        {
            Status = status,
            FinishedAt = _time.GetUtcNow(),
            Output = output,
            Message = message,
            NextRetryAt = null,
            CachedInputs = State.CachedInputs.Clear(),
            OwnedCachedInputs = [],
            UncachedInputs = [],
            PendingOutput = null,
        };
        _inputsOfAttempt = null;
        return copies;
    }
}
