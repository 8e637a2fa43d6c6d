using System.Collections.Immutable;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Tributary.Options;
using Tributary.States;
using Tributary.Storage;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Storage;

/// <summary>
/// A flow run's task statuses, once too many for one record, are kept in page records of bounded size in the cluster's
/// Azure Table storage (Azurite), read back whole, rewritten only when they change, and the pages of an older write are
/// deleted once a newer record names others.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class SpillStoreTests(TributaryClusterFixture cluster)
{
    private const int LargeFlow = 30_000;

    // What Orleans' Azure Table storage accepts in one entity is about 960 KB.
    private const int RecordBound = 256 * 1024;

    [Fact]
    public async Task FlowRunRecord_ThirtyThousandStatuses_AreStoredInBoundedPagesAndReadBackWhole()
    {
        var (form, grain) = NewForm();
        var state = RunWith(Statuses(LargeFlow, TaskRunStatus.Pending));

        var record = await form.ToRecordAsync(state, lastRecord: null);
        var back = await NewForm(grain).Form.FromRecordAsync(record);
        var pages = await PageSizesAsync(grain);

        Assert.Empty(record.TaskStatuses);
        Assert.True(record.TaskStatusesSpill is { Generation: 1, Pages: > 1 }, $"spilled as {record.TaskStatusesSpill}");
        Assert.Equal(record.TaskStatusesSpill!.Pages, pages.Count);
        Assert.All(pages, page => Assert.True(page.Bytes <= RecordBound, $"page {page.Key} holds {page.Bytes} bytes"));
        Assert.Equal(state, back); // the whole dictionary, and no reference: a state answered from memory never has one
        Assert.Null(back.TaskStatusesSpill);
    }

    [Fact]
    public async Task FlowRunRecord_StatusesChanged_WritesANewGenerationAndDeletesTheOldPagesOnceStored()
    {
        var (form, grain) = NewForm();
        var pending = Statuses(LargeFlow, TaskRunStatus.Pending);
        var first = await form.ToRecordAsync(RunWith(pending), lastRecord: null);

        var unchanged = await form.ToRecordAsync(RunWith(pending) with { Status = FlowRunStatus.Failed }, first);
        var second = await form.ToRecordAsync(RunWith(Statuses(LargeFlow, TaskRunStatus.Success)), first);
        var before = await PageSizesAsync(grain);
        await form.AfterStoredAsync(first, second);
        var after = await PageSizesAsync(grain);

        Assert.Equal(first.TaskStatusesSpill, unchanged.TaskStatusesSpill); // the same dictionary is not written again
        Assert.Equal(FlowRunStatus.Failed, unchanged.Status);
        Assert.Equal(2, second.TaskStatusesSpill!.Generation);
        Assert.Equal(first.TaskStatusesSpill!.Pages + second.TaskStatusesSpill.Pages, before.Count);
        Assert.Equal(second.TaskStatusesSpill.Pages, after.Count);
        Assert.All(after, page => Assert.Contains("/2/", page.Key, StringComparison.Ordinal));
        var back = await NewForm(grain).Form.FromRecordAsync(second);
        Assert.All(back.TaskStatuses.Values, status => Assert.Equal(TaskRunStatus.Success, status));
    }

    [Fact]
    public async Task FlowRunRecord_FewStatuses_StayInlineAndWriteNoPage()
    {
        var (form, grain) = NewForm();
        var state = RunWith(Statuses(50, TaskRunStatus.Running));

        var record = await form.ToRecordAsync(state, lastRecord: null);

        Assert.Equal(state, record);
        Assert.Empty(await PageSizesAsync(grain));
    }

    [Fact]
    public async Task FlowRunRecord_PageMissing_FailsNamingThePageAndTheGrain()
    {
        var (form, grain) = NewForm();
        var record = await form.ToRecordAsync(RunWith(Statuses(LargeFlow, TaskRunStatus.Pending)), lastRecord: null);
        await form.AfterStoredAsync(record, record with { TaskStatusesSpill = null }); // as if a newer record named none

        var error = await Assert.ThrowsAsync<StateStorageException>(() => NewForm(grain).Form.FromRecordAsync(record));

        Assert.Contains($"of {record.TaskStatusesSpill!.Pages}", error.Message);
        Assert.Contains(grain.ToString(), error.Message);
    }

    private (IRecordForm<FlowRunState> Form, GrainId Grain) NewForm(GrainId? grain = null)
    {
        var id = grain ?? GrainId.Create("flowrun", $"spill-test-{Guid.NewGuid():N}");
        var storage = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(Tributary.Runs.TributaryStorage.Name);
        var retry = new StorageRetry(new StorageRetryOptions(), TimeProvider.System);
        return (RecordForms.FlowRun(storage, id, retry, NullLogger.Instance), id);
    }

    private static FlowRunState RunWith(ImmutableDictionary<string, TaskRunStatus> statuses) =>
        new() { FlowRunId = "spill-test", FlowName = "large", Status = FlowRunStatus.Running, TaskStatuses = statuses };

    private static ImmutableDictionary<string, TaskRunStatus> Statuses(int count, TaskRunStatus status) =>
        Enumerable.Range(0, count).ToImmutableDictionary(i => $"extract-transform-load-step-{i:D6}", _ => status, StringComparer.Ordinal);

    // Every page record of the grain's spilled statuses in the table, with its stored size.
    private async Task<IReadOnlyList<(string Key, int Bytes)>> PageSizesAsync(GrainId grain)
    {
        var marker = grain.Key.ToString()!;
        var pages = new List<(string, int)>();
        await foreach (var entity in cluster.Tables.GetTableClient("OrleansGrainState").QueryAsync<TableEntity>())
        {
            if (entity.PartitionKey.Contains(marker, StringComparison.Ordinal) && entity.PartitionKey.Contains("tributary-spill", StringComparison.Ordinal))
            {
                var key = entity.PartitionKey.Replace('_', '/');
                pages.Add((key, entity.Sum(property => property.Value is byte[] data ? data.Length : 0)));
            }
        }

        return pages;
    }
}
