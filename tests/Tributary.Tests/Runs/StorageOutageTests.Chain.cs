using System.Diagnostics;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

public sealed partial class StorageOutageTests
{
    /// <summary>The deliberate length of the outage: the measured scenario (not a synchronisation).</summary>
    private static readonly TimeSpan ChainOutage = TimeSpan.FromSeconds(12);

    // Guards a fixed bug: a 12 s storage outage failed a checkpoint write, so the task failed and all downstream UpstreamFailed.
    [Fact]
    public async Task Run_StorageDown12SecondsWhileTasksStore_EndsSuccessWithEachTaskRunOnce()
    {
        var patience = TributaryClusterFixture.Patience;
        var started = Stopwatch.StartNew();
        var runId = await _cluster.StartAsync(ChainFlow);
        var gated = TaskName(GatedIndex);
        await Task.WhenAll(
            TaskProbes.Gate(runId, $"{gated}-{Running}").Task.WaitAsync(patience),
            TaskProbes.Gate(runId, $"{SideTask}-{Running}").Task.WaitAsync(patience));
        // Their attempts are stored as running (the write overlaps their code): wait for storage to hold that, so that
        // what the outage hits is their outcome (the checkpoint, then the state), not this first write.
        await _cluster.WaitForStoredTaskAsync(runId, gated, state => state.Status == TaskRunStatus.Running, patience);
        await _cluster.WaitForStoredTaskAsync(runId, SideTask, state => state.Status == TaskRunStatus.Running, patience);

        var (blobResetsBefore, tableResetsBefore) = (_cluster.BlobProxy.ResetConnections, _cluster.TableProxy.ResetConnections);
        _cluster.BeginOutage();
        FlowRunState duringOutage;
        try
        {
            TaskProbes.Gate(runId, Open).TrySetResult();
            await Task.Delay(ChainOutage); // the scenario: storage stays away this long
            duringOutage = await _cluster.Client.GetGrain<IFlowRunGrain>(runId).GetStateAsync();
        }
        finally
        {
            _cluster.EndOutage();
        }

        var outageEnded = DateTimeOffset.UtcNow;
        var sinceOutage = Stopwatch.StartNew();
        var (blobResets, tableResets) = (_cluster.BlobProxy.ResetConnections - blobResetsBefore, _cluster.TableProxy.ResetConnections - tableResetsBefore);
        FlowRunState final;
        try
        {
            final = await _cluster.WaitForFlowAsync(runId, patience);
        }
        finally
        {
            Report($"run {runId}: outage of {ChainOutage.TotalSeconds:0} s; connections reset during it: blob {blobResets}, table {tableResets}");
            Report($"at the end of the outage the run was {duringOutage.Status}");
            Report($"run finished {sinceOutage.Elapsed.TotalSeconds:0.0} s after the outage ended ({started.Elapsed.TotalSeconds:0.0} s after it started)");
            ReportEngineLog();
        }

        // The outage was real: both the checkpoint (blob) and the state (table) writes met it.
        Assert.True(blobResets > 0, "No blob connection was reset during the outage: the checkpoint write did not meet it.");
        Assert.True(tableResets > 0, "No table connection was reset during the outage: the state write did not meet it.");
        Assert.Equal(FlowRunStatus.Running, duringOutage.Status);
        Assert.True(final.Status == FlowRunStatus.Success, $"The run ended {final.Status}: {final.Message}");
        Assert.Equal(final, await _cluster.ReadStoredFlowStateAsync(runId));
        foreach (var name in Enumerable.Range(0, ChainLength).Select(TaskName).Append(SideTask))
        {
            var state = await _cluster.GetTaskStateAsync(runId, name);
            Assert.True(
                (state.Status, state.Attempt, state.LostAttempts) == (TaskRunStatus.Success, 1, 0),
                $"{name}: {state.Status} attempt {state.Attempt} lost {state.LostAttempts}: {state.Message}");
            Assert.True(TaskProbes.CountOf(runId, name) == 1, $"{name}'s code ran {TaskProbes.CountOf(runId, name)} times.");
            // Storage holds what the task answers (once its last write is in: whether it may be answered before is
            // Run_StorageDownWhenATaskSucceeds_NobodyIsToldOfTheSuccessBeforeItIsStored's question).
            await _cluster.WaitForStoredTaskAsync(runId, name, stored => stored.Equals(state), patience);
        }

        for (var index = 0; index < ChainLength; index++)
        {
            var checkpoint = Assert.IsType<SafeResult>((await _cluster.GetTaskStateAsync(runId, TaskName(index))).Output);
            Assert.Equal(ResultHandlers.AzureBlob(_cluster.Container), checkpoint.Handler);
            Assert.Equal(index, (await checkpoint.ToResultAsync<int>(_cluster.Handlers)).Value);
        }

        var side = Assert.IsType<SafeResult>((await _cluster.GetTaskStateAsync(runId, SideTask)).Output);
        Assert.Equal("\"side done\"", side.Json);
        await ReportTimelineAsync(runId, outageEnded);
    }

    /// <summary>When each task that finished after the outage started and finished, in seconds from the outage's end.</summary>
    private async Task ReportTimelineAsync(string runId, DateTimeOffset outageEnded)
    {
        static string Since(DateTimeOffset? at, DateTimeOffset origin) => at is { } time ? $"{(time - origin).TotalSeconds:+0.0;-0.0} s" : "-";
        foreach (var name in Enumerable.Range(GatedIndex, ChainLength - GatedIndex).Select(TaskName).Prepend(SideTask))
        {
            var state = await _cluster.GetTaskStateAsync(runId, name);
            Report($"{name}: started {Since(state.StartedAt, outageEnded)}, finished {Since(state.FinishedAt, outageEnded)} (from the outage's end)");
        }
    }
}
