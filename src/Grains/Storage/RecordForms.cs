using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Storage;

/// <summary>How the engine's states are stored when they outgrow one record (see <see cref="SpillStore"/>).</summary>
internal static class RecordForms
{
    /// <summary>A task run's record: its cached inputs spill once a wide fan-in has too many for it.</summary>
    public static IRecordForm<TaskRunState> TaskRun(IGrainStorage storage, GrainId grain, StorageRetry retry, ILogger logger) =>
        new SpilledDictionaryForm<TaskRunState, SafeResult>(
            new SpillStore(storage, "task-cached-inputs", grain, retry),
            state => state.CachedInputs,
            state => state.CachedInputsSpill,
            (state, inputs, spill) => state with { CachedInputs = inputs, CachedInputsSpill = spill },
            (name, input) => SpillStore.SizeOf(name) + SizeOf(input),
            logger);

    /// <summary>A flow run's record: its task statuses spill once a flow has too many tasks for it.</summary>
    public static IRecordForm<FlowRunState> FlowRun(IGrainStorage storage, GrainId grain, StorageRetry retry, ILogger logger) =>
        new SpilledDictionaryForm<FlowRunState, TaskRunStatus>(
            new SpillStore(storage, "flow-task-statuses", grain, retry),
            state => state.TaskStatuses,
            state => state.TaskStatusesSpill,
            (state, statuses, spill) => state with { TaskStatuses = statuses, TaskStatusesSpill = spill },
            (name, _) => SpillStore.SizeOf(name) + 2,
            logger);

    private static int SizeOf(SafeResult result)
    {
        var size = SpillStore.SizeOf(result.Json) + SpillStore.SizeOf(result.ValueTypeName) + SpillStore.SizeOf(result.Handler.Kind);
        foreach (var (key, value) in result.Handler.Settings)
        {
            size += SpillStore.SizeOf(key) + SpillStore.SizeOf(value);
        }

        return size + 8;
    }
}
