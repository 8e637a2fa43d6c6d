using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Tributary.Options;
using Tributary.Runs;
using Tributary.States;
using Tributary.Storage;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Retention;

/// <summary>Deleting a run's state leaves nothing behind: the record of a grain and the page records its large state spilled to.</summary>
public sealed class RetentionStateClearTests
{
    private static readonly GrainId Grain = GrainId.Create("flowrun", "retention-clear");
    private readonly InMemoryGrainStorage _storage = new();
    private readonly StorageRetry _retry = new(new StorageRetryOptions(), TimeProvider.System);

    private LazyGrainState<FlowRunState> NewState() =>
        new(_storage, "flow", Grain, () => new FlowRunState { FlowRunId = "retention-clear", Status = FlowRunStatus.NotFound }, _ => { }, _retry, _ => { })
        {
            Form = RecordForms.FlowRun(_storage, Grain, _retry, NullLogger.Instance),
        };

    private SpillPage<TaskRunStatus>? Page(int generation, int page) =>
        _storage.Peek<SpillPage<TaskRunStatus>>("flow-task-statuses", GrainId.Create("tributary-spill", $"{Grain}/flow-task-statuses/{generation}/{page}"));

    [Fact]
    public async Task ClearAsync_SpilledState_DeletesTheRecordAndEveryPageItNamed()
    {
        var state = NewState();
        await state.LoadAsync();
        state.State = state.State with
        {
            Status = FlowRunStatus.Success,
            TaskStatuses = Enumerable.Range(0, 20_000).ToImmutableDictionary(i => $"task-with-a-long-name-{i:D6}", _ => TaskRunStatus.Success, StringComparer.Ordinal),
        };
        await state.WriteAsync();
        var record = _storage.Peek<FlowRunState>("flow", Grain)!;
        var pages = record.TaskStatusesSpill!.Pages;
        Assert.True(pages > 1, $"{pages} page(s)");
        Assert.NotNull(Page(1, 0)); // the scan finds what it looks for

        var cleared = await state.ClearAsync();
        var again = await NewState().ClearAsync();

        Assert.True(cleared);
        Assert.False(again); // nothing stored any more
        Assert.Null(_storage.Peek<FlowRunState>("flow", Grain));
        Assert.All(Enumerable.Range(0, pages), page => Assert.Null(Page(1, page)));
        Assert.Equal(FlowRunStatus.NotFound, state.State.Status);
    }
}
