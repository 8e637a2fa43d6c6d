using System.Text.Json.Nodes;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// Grain methods that may wait on a read through a handler take a <see cref="CancellationToken"/>: a caller that gives
/// up frees the task run at once, and the read it started goes on for whoever asks next.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class OutputCancellationTests(TributaryClusterFixture cluster)
{
    private const string FlowName = "output-cancellation";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(FlowName);
        var items = flow.Task("items", () => new[] { 1, 2 });
        flow.Map("slow", (int x) => x * 7, items, new TaskOptions { ResultHandler = GatedResultHandler.Descriptor, Checkpoint = true });
        yield return flow.Build();
    }

    // Guards: StoreOutputAsync honours its token; before, the map's activation stayed busy until the read returned.
    [Fact]
    public async Task StoreOutputAsync_CancelledWhileAChildOutputIsReadThroughItsHandler_FreesTheGrainAndTheReadGoesOn()
    {
        var runId = await cluster.StartAsync(FlowName);
        Assert.Equal(FlowRunStatus.Success, (await cluster.WaitForFlowAsync(runId)).Status);
        // Out of memory: the map and its children must read their outputs back through the gated handler.
        GatedResultHandler.Close();
        foreach (var task in new[] { "slow", "slow[0]", "slow[1]" })
        {
            await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, task));
        }

        var map = cluster.TaskRun(runId, "slow");
        using var giveUp = new CancellationTokenSource();
        var store = map.StoreOutputAsync(giveUp.Token);
        await GatedResultHandler.ReadStarted.WaitAsync(Patience);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WaitAsync(Patience));
        // The map's activation is free: a call that does not interleave completes while the read still waits.
        await map.CompleteMapAsync(TaskRunStatus.Success, message: null).WaitAsync(Patience);
        Assert.Equal(0, GatedResultHandler.CompletedReads);

        GatedResultHandler.Open();
        var stored = await map.StoreOutputAsync().WaitAsync(Patience);
        Assert.Equal(2, GatedResultHandler.CompletedReads); // one read per child: the cancelled wait did not start another
        Assert.Equal(GatedResultHandler.Descriptor, stored.Handler);
        var list = await new GatedResultHandler().ReadAsync(JsonNode.Parse(stored.Json), typeof(int[]));
        Assert.Equal([7, 14], Assert.IsType<int[]>(list));
    }
}
