using System.Diagnostics;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Tributary.Tests.Runs;

/// <summary>
/// Storage goes away for a while in the middle of a run (the issue's "Azurite stopped 12 s during a chain run"): the
/// engine rides it out under <c>Tributary:StorageRetry</c> (at its default) instead of failing the task that was
/// storing, and what the run reports is what storage holds.
/// </summary>
/// <remarks>
/// Its own single-silo cluster (<see cref="StorageOutageClusterFixture"/>), so the outage never touches the shared
/// cluster's tests, and its own collection (a class fixture), so it runs beside them rather than holding them up. The
/// outage starts once the gated tasks run, so their checkpoint and state writes are the ones that meet it.
/// </remarks>
public sealed class StorageOutageTests(StorageOutageClusterFixture cluster, ITestOutputHelper output)
    : IClassFixture<StorageOutageClusterFixture>
{
    private const string ChainFlow = "storage-outage-chain";
    private const int ChainLength = 20;
    private const int GatedIndex = 10;
    private const string SideTask = "side";
    private const string Running = "running";
    private const string Open = "open";

    /// <summary>The deliberate length of the outage: the issue's measured scenario (not a synchronisation).</summary>
    private static readonly TimeSpan OutageDuration = TimeSpan.FromSeconds(12);

    /// <summary>
    /// A chain t00 → … → t19, each checkpointed through the Azure Blob handler with no retries, its output the previous
    /// one plus one; t10 waits on a gate. Beside it, "side" (no inputs, checkpointed inline by the JSON handler, so its
    /// success is a state write only) waits on the same gate.
    /// </summary>
    public static IEnumerable<FlowDefinition> DefineFlows(string container)
    {
        var options = new TaskOptions { MaxRetries = 0, Checkpoint = true, ResultHandler = ResultHandlers.AzureBlob(container) };
        var flow = new FlowBuilder(ChainFlow);
        var previous = flow.Task(
            TaskName(0),
            (TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return 0;
            },
            options);
        for (var index = 1; index < ChainLength; index++)
        {
            previous = flow.Task(
                    TaskName(index),
                    async (int value, TaskRunContext context, CancellationToken cancellationToken) =>
                    {
                        TaskProbes.Count(context);
                        if (context.TaskName == TaskName(GatedIndex))
                        {
                            await PassGateAsync(context, cancellationToken);
                        }

                        return value + 1;
                    },
                    previous,
                    options);
        }

        flow.Task(
            SideTask,
            async (TaskRunContext context, CancellationToken cancellationToken) =>
            {
                TaskProbes.Count(context);
                await PassGateAsync(context, cancellationToken);
                return "side done";
            },
            options with { ResultHandler = ResultHandlers.Json });
        yield return flow.Build();
    }

    // Guards a fixed bug: a 12 s storage outage failed a checkpoint write, so the task failed and all downstream UpstreamFailed.
    [Fact]
    public async Task Run_StorageDown12SecondsWhileTasksStore_EndsSuccessWithEachTaskRunOnce()
    {
        var patience = TributaryClusterFixture.Patience;
        var started = Stopwatch.StartNew();
        var runId = await cluster.StartAsync(ChainFlow);
        var gated = TaskName(GatedIndex);
        await Task.WhenAll(
            TaskProbes.Gate(runId, $"{gated}-{Running}").Task.WaitAsync(patience),
            TaskProbes.Gate(runId, $"{SideTask}-{Running}").Task.WaitAsync(patience));
        // Their attempts are stored as running (the write overlaps their code): wait for storage to hold that, so that
        // what the outage hits is their outcome (the checkpoint, then the state), not this first write.
        await cluster.WaitForStoredTaskAsync(runId, gated, state => state.Status == TaskRunStatus.Running, patience);
        await cluster.WaitForStoredTaskAsync(runId, SideTask, state => state.Status == TaskRunStatus.Running, patience);

        cluster.BeginOutage();
        var (blobResetsBefore, tableResetsBefore) = (cluster.BlobProxy.ResetConnections, cluster.TableProxy.ResetConnections);
        TaskProbes.Gate(runId, Open).TrySetResult();
        await Task.Delay(OutageDuration); // the scenario: storage stays away this long
        var (blobResets, tableResets) = (cluster.BlobProxy.ResetConnections - blobResetsBefore, cluster.TableProxy.ResetConnections - tableResetsBefore);
        var duringOutage = await cluster.Client.GetGrain<Grains.IFlowRunGrain>(runId).GetStateAsync();
        cluster.EndOutage();
        var outageEnded = DateTimeOffset.UtcNow;
        var sinceOutage = Stopwatch.StartNew();
        FlowRunState final;
        try
        {
            final = await cluster.WaitForFlowAsync(runId, patience);
        }
        finally
        {
            Report($"run {runId}: outage of {OutageDuration.TotalSeconds:0} s; connections reset during it: blob {blobResets}, table {tableResets}");
            Report($"run status at the end of the outage: {duringOutage.Status}");
            Report($"run finished {sinceOutage.Elapsed.TotalSeconds:0.0} s after the outage ended ({started.Elapsed.TotalSeconds:0.0} s after it started)");
            // What the engine logged (warnings and errors), to tell a failure's cause.
            foreach (var line in cluster.Log.Lines.Where(line => line.Contains(" Tributary.", StringComparison.Ordinal)))
            {
                output.WriteLine(line);
            }
        }

        // The outage was real: both the checkpoint (blob) and the state (table) writes met it.
        Assert.True(blobResets > 0, "No blob connection was reset during the outage: the checkpoint write did not meet it.");
        Assert.True(tableResets > 0, "No table connection was reset during the outage: the state write did not meet it.");
        Assert.Equal(FlowRunStatus.Running, duringOutage.Status);
        Assert.True(final.Status == FlowRunStatus.Success, $"The run ended {final.Status}: {final.Message}");
        Assert.Equal(final, await cluster.ReadStoredFlowStateAsync(runId));
        foreach (var name in Enumerable.Range(0, ChainLength).Select(TaskName).Append(SideTask))
        {
            var state = await cluster.GetTaskStateAsync(runId, name);
            Assert.True(
                (state.Status, state.Attempt, state.LostAttempts) == (TaskRunStatus.Success, 1, 0),
                $"{name}: {state.Status} attempt {state.Attempt} lost {state.LostAttempts}: {state.Message}");
            Assert.True(TaskProbes.CountOf(runId, name) == 1, $"{name}'s code ran {TaskProbes.CountOf(runId, name)} times.");
            // What the run was told is what storage holds: no answer built on a state that was never stored.
            var stored = await cluster.ReadStoredTaskStateAsync(runId, name);
            Assert.True(state.Equals(stored), $"{name} answers {state.Status} but storage holds {stored?.Status.ToString() ?? "nothing"}.");
        }

        for (var index = 0; index < ChainLength; index++)
        {
            var checkpoint = Assert.IsType<SafeResult>((await cluster.GetTaskStateAsync(runId, TaskName(index))).Output);
            Assert.Equal(ResultHandlers.AzureBlob(cluster.Container), checkpoint.Handler);
            Assert.Equal(index, (await checkpoint.ToResultAsync<int>(cluster.Handlers)).Value);
        }

        var side = Assert.IsType<SafeResult>((await cluster.GetTaskStateAsync(runId, SideTask)).Output);
        Assert.Equal("\"side done\"", side.Json);
        await ReportTimelineAsync(runId, outageEnded);
    }

    /// <summary>When each task that finished after the outage started and finished, in seconds from the outage's end.</summary>
    private async Task ReportTimelineAsync(string runId, DateTimeOffset outageEnded)
    {
        static string Since(DateTimeOffset? at, DateTimeOffset origin) => at is { } time ? $"{(time - origin).TotalSeconds:+0.0;-0.0} s" : "-";
        foreach (var name in Enumerable.Range(GatedIndex, ChainLength - GatedIndex).Select(TaskName).Prepend(SideTask))
        {
            var state = await cluster.GetTaskStateAsync(runId, name);
            Report($"{name}: started {Since(state.StartedAt, outageEnded)}, finished {Since(state.FinishedAt, outageEnded)} (from the outage's end)");
        }
    }

    private static string TaskName(int index) => $"t{index:00}";

    /// <summary>Tells the test the task runs, then waits until the test opens the run's gate.</summary>
    private static async Task PassGateAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        TaskProbes.Gate(context.FlowRunId, $"{context.TaskName}-{Running}").TrySetResult();
        await TaskProbes.Gate(context.FlowRunId, Open).Task.WaitAsync(cancellationToken);
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine($"[{nameof(StorageOutageTests)}] {line}");
    }
}
