using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A run's snapshot (what status calls, the CLI's table and the run pages show) answers a finished task from its report,
/// not by asking its grain: a status call on a long run costs a few grain calls, not one per task.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class SnapshotRowsTests(TributaryClusterFixture cluster)
{
    private const string ChainFlow = "snapshot-chain";
    private const string HeldFlow = "snapshot-held";
    private const int ChainLength = 12;

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var chain = new FlowBuilder(ChainFlow);
        var options = new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Local(storage.Directory("snapshot")) };
        var previous = chain.Task("step-0", () => 0, options);
        for (var i = 1; i < ChainLength; i++)
        {
            previous = chain.Task($"step-{i}", (int before) => before + 1, previous, options);
        }

        yield return chain.Build();

        // Neither is checkpointed: "up" holds its output in memory until something stores it.
        var held = new FlowBuilder(HeldFlow);
        var up = held.Task("up", () => "kept in memory", new TaskOptions { Checkpoint = false, ResultHandler = ResultHandlers.Local(storage.Directory("snapshot")) });
        held.Task("down", (string text) => text.Length, up, new TaskOptions { Checkpoint = false });
        yield return held.Build();
    }

    [Fact]
    public async Task Snapshot_FinishedRunWhoseTasksWereDeactivated_AnswersEveryRowWithoutActivatingThem()
    {
        var runId = await cluster.StartAsync(ChainFlow);
        Assert.Equal(FlowRunStatus.Success, (await cluster.WaitForFlowAsync(runId)).Status);
        var names = Enumerable.Range(0, ChainLength).Select(i => $"step-{i}").ToArray();
        foreach (var name in names)
        {
            await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, name));
        }

        var snapshot = await cluster.FlowRun(runId).GetSnapshotAsync();

        Assert.Equal(names, snapshot.Tasks.Select(task => task.TaskName));
        Assert.All(snapshot.Tasks, task =>
        {
            Assert.Equal((TaskRunStatus.Success, 1), (task.Status, task.Attempt));
            Assert.EndsWith("attempt-1.json\"", task.Output?.Json, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(names, name => cluster.SiloOf(cluster.TaskRun(runId, name)) is not null);
    }

    [Fact]
    public async Task Snapshot_OutputHeldInMemoryStoredAfterTheRun_ShowsItsSafeValue()
    {
        var runId = await cluster.StartAsync(HeldFlow);
        Assert.Equal(FlowRunStatus.Success, (await cluster.WaitForFlowAsync(runId)).Status);
        Assert.Null(Row(await cluster.FlowRun(runId).GetSnapshotAsync(), "up").Output);

        // Reading it from a client stores it through its handler first: from then on it has a safe value.
        var client = new TributaryClient(cluster.Client, cluster.Handlers, host: null);
        Assert.Equal("kept in memory", (await client.ReadTaskResultAsync<string>(runId, "up")).Value);

        await Poll.UntilAsync(
            async () => Row(await cluster.FlowRun(runId).GetSnapshotAsync(), "up").Output is not null,
            TributaryClusterFixture.Patience,
            "the snapshot to show the stored output");
        var stored = Row(await cluster.FlowRun(runId).GetSnapshotAsync(), "up").Output!;
        Assert.Equal((await cluster.TaskRun(runId, "up").GetStateAsync()).Output, stored);
    }

    private static TaskRunState Row(FlowRunSnapshot snapshot, string taskName) => snapshot.Tasks.Single(task => task.TaskName == taskName);
}
