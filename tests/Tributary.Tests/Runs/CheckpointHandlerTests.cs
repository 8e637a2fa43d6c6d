using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using static Tributary.Testing.ConformanceSamples;

namespace Tributary.Tests.Runs;

/// <summary>
/// A checkpoint is written by the handler the hierarchy chose: the configured global default, overridden by the
/// flow's handler, overridden by the task's; the state keeps only the safe value, and the value is where it says.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class CheckpointHandlerTests(TributaryClusterFixture cluster)
{
    private const string GlobalFlow = "checkpoint-global";
    private const string LevelsFlow = "checkpoint-levels";

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var global = new FlowBuilder(GlobalFlow);
        global.Task("only", (TaskRunContext context) => SampleOrder(context.FlowRunId), new TaskOptions { Checkpoint = true });
        yield return global.Build();

        var levels = new FlowBuilder(LevelsFlow).WithResultHandler(ResultHandlers.Local(storage.Directory("levels-flow")));
        levels.Task("inherits", (TaskRunContext context) => $"inherited by {context.FlowRunId}", new TaskOptions { Checkpoint = true });
        levels.Task(
            "overrides",
            (TaskRunContext context) => new Point(3, context.FlowRunId.Length),
            new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.AzureBlob(storage.Container) });
        yield return levels.Build();
    }

    [Fact]
    public async Task Checkpoint_NoFlowOrTaskHandler_WritesThroughConfiguredGlobalDefault()
    {
        var runId = await cluster.StartAsync(GlobalFlow);
        await cluster.WaitForFlowAsync(runId);

        var state = await cluster.TaskRun(runId, "only").GetStateAsync();

        var expected = ResultHandlers.Local(cluster.Storage.GlobalDirectory);
        Assert.Equal(expected, state.ResultHandler);
        var output = Assert.IsType<SafeResult>(state.Output);
        Assert.Equal(expected, output.Handler);
        Assert.Equal(SampleOrder(runId), ReadLocalFile<Order>(output, cluster.Storage.GlobalDirectory));
    }

    [Fact]
    public async Task Checkpoint_FlowHandlerAndNoTaskHandler_WritesThroughFlowHandler()
    {
        var runId = await cluster.StartAsync(LevelsFlow);
        await cluster.WaitForFlowAsync(runId);

        var state = await cluster.TaskRun(runId, "inherits").GetStateAsync();

        var expected = ResultHandlers.Local(cluster.Storage.Directory("levels-flow"));
        Assert.Equal(expected, state.ResultHandler);
        var output = Assert.IsType<SafeResult>(state.Output);
        Assert.Equal(expected, output.Handler);
        Assert.Equal($"inherited by {runId}", ReadLocalFile<string>(output, cluster.Storage.Directory("levels-flow")));
    }

    [Fact]
    public async Task Checkpoint_TaskHandlerOverFlowHandler_WritesThroughTaskHandler()
    {
        var runId = await cluster.StartAsync(LevelsFlow);
        await cluster.WaitForFlowAsync(runId);

        var state = await cluster.TaskRun(runId, "overrides").GetStateAsync();

        var expected = ResultHandlers.AzureBlob(cluster.Storage.Container);
        Assert.Equal(expected, state.ResultHandler);
        var output = Assert.IsType<SafeResult>(state.Output);
        Assert.Equal(expected, output.Handler);
        var blob = new BlobUriBuilder(new Uri(JsonNode.Parse(output.Json)!.GetValue<string>()));
        Assert.Equal(cluster.Storage.Container, blob.BlobContainerName);
        var content = await cluster.Blobs.GetBlobContainerClient(blob.BlobContainerName).GetBlobClient(blob.BlobName).DownloadContentAsync();
        var expectedValue = new Point(3, runId.Length);
        Assert.Equal(expectedValue, SystemTextJsonResultSerializer.Default.Deserialize(content.Value.Content.ToArray(), typeof(Point)));
        // And a client reads it back through the handler the safe value names.
        Assert.Equal(expectedValue, (await output.ToResultAsync<Point>(cluster.Handlers)).Value);
    }

    /// <summary>Checks the safe value is a path inside <paramref name="directory"/> and reads the file it names.</summary>
    internal static T? ReadLocalFile<T>(SafeResult safe, string directory)
    {
        var path = JsonNode.Parse(safe.Json)!.GetValue<string>();
        Assert.StartsWith(Path.Combine(Path.GetFullPath(directory), ""), path);
        Assert.True(File.Exists(path), $"The safe value names {path}, which does not exist.");
        return (T?)SystemTextJsonResultSerializer.Default.Deserialize(File.ReadAllBytes(path), typeof(T));
    }
}
