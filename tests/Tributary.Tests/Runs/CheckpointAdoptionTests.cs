using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using Kind = Tributary.Tests.Infrastructure.StorageFaults.Kind;

namespace Tributary.Tests.Runs;

/// <summary>
/// A crash between a checkpoint's write and the state's write: the next activation finds the checkpoint by the key the
/// running state recorded and adopts it, so the task does not run again and no checkpoint is left that no state names.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class CheckpointAdoptionTests(TributaryClusterFixture cluster)
{
    private const string Flow = "checkpoint-adoption";

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var flow = new FlowBuilder(Flow).WithResultHandler(ResultHandlers.Local(storage.Directory("adoption")));
        var work = flow.Task("work", (TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            return $"work of {context.FlowRunId}";
        }, new TaskOptions { Checkpoint = true });
        flow.Task("after", (string text) => text.Length, work, new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Json });
        yield return flow.Build();
    }

    // Guards a fixed bug: a silo killed after a task's checkpoint was written but before its state was ran the task
    // again and left the first checkpoint in storage with no state referring to it.
    [Fact]
    public async Task Run_CrashBetweenCheckpointWriteAndStateWrite_CheckpointAdoptedNotRerunNotOrphaned()
    {
        var runId = TributaryClusterFixture.NewRunId();
        var key = $"{runId}/work";
        // The task's writes: running (1st), success (2nd). The success write hangs, as if the silo died under it.
        StorageFaults.Inject(key, "task", Kind.Hang, count: 1, skip: 1);
        await cluster.StartAsync(runId, Flow);
        await StorageFaults.WriteHung(key).WaitAsync(TributaryClusterFixture.Patience);

        await cluster.CrashSiloOfAsync(cluster.TaskRun(runId, "work"));
        StorageFaults.Clear(key);
        var final = await cluster.WaitForFlowAsync(runId);
        var work = await cluster.TaskRun(runId, "work").GetStateAsync();

        Assert.True(final.Status == FlowRunStatus.Success, $"The run ended {final.Status}: {final.Message} (work: {work.Message})");
        Assert.Equal(1, TaskProbes.CountOf(runId, "work"));
        Assert.Contains("adopted", work.Message);
        var stored = System.Text.Json.JsonSerializer.Deserialize<string>(work.Output!.Json)!;
        var written = Directory.GetFiles(cluster.Storage.Directory("adoption"), "*.json", SearchOption.AllDirectories)
            .Where(path => path.Contains(runId, StringComparison.Ordinal))
            .ToArray();
        Assert.Equal([stored], written);
        Assert.Contains($"{Path.DirectorySeparatorChar}work{Path.DirectorySeparatorChar}attempt-1.json", stored);
        Assert.Equal($"{$"work of {runId}".Length}", (await cluster.TaskRun(runId, "after").GetStateAsync()).Output?.Json);
    }
}
