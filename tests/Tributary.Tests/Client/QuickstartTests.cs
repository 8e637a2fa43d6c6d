using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Client;

/// <summary>
/// The README's Quickstart and result-model code, run as written, with what the README says it does asserted.
/// If one of these fails, the README and the code disagree: fix whichever is wrong.
/// </summary>
public sealed class QuickstartTests
{
    // The README's flow writes to /var/lib/my-pipeline/results; here it writes to a temporary directory instead. The
    // silo builds the flow through its parameterless constructor, so the directory cannot be passed in: it is named
    // once per test process, created by the local handler's first write, and deleted by the Quickstart test (its only user).
    private static readonly string QuickstartResults = Path.Combine(Path.GetTempPath(), $"tributary-quickstart-{Guid.NewGuid():N}");

    [Fact]
    public async Task Quickstart_AsWritten_SucceedsWithSafeValuesOnlyAndCountsBeTwice()
    {
        try
        {
            // The README's Program.cs, with the console lines collected instead of printed.
            var printed = new List<string>();
            await using var client = await TributaryClientFactory.StartEmbeddedAsync(typeof(WordCountFlow).Assembly);
            var runId = await client.StartFlowRunAsync("word-count", new Dictionary<string, object?> { ["text"] = "to be or not to be" });
            var run = await client.WaitForFlowRunAsync(runId, TimeSpan.FromMinutes(1));
            foreach (var task in run.Tasks)
            {
                printed.Add($"{task.TaskName}: {task.Status} (attempt {task.Attempt}) -> {task.Output?.Json}");
            }

            var counts = await client.ReadTaskResultAsync<Dictionary<string, int>>(runId, "count");
            printed.Add(counts.Value["be"].ToString());

            Assert.Equal(FlowRunStatus.Success, run.Flow.Status);
            // split is not checkpointed: nothing was stored, so its state has no safe value (and no data).
            var split = run.Tasks.Single(t => t.TaskName == "split");
            Assert.Equal((TaskRunStatus.Success, 1, (SafeResult?)null), (split.Status, split.Attempt, split.Output));
            // count is checkpointed through the flow's local handler: its safe value is a file path in that directory.
            var count = run.Tasks.Single(t => t.TaskName == "count");
            var output = Assert.IsType<SafeResult>(count.Output);
            Assert.Equal(ResultHandlers.Local(QuickstartResults), output.Handler);
            var path = JsonNode.Parse(output.Json)!.GetValue<string>();
            // Under the flow's directory, at a path an operator can trace: yyyy/MM/dd/flow/run/task/attempt-N.json
            Assert.StartsWith(Path.Combine(QuickstartResults, ""), path);
            Assert.Contains($"{Path.DirectorySeparatorChar}word-count{Path.DirectorySeparatorChar}{runId}{Path.DirectorySeparatorChar}count{Path.DirectorySeparatorChar}attempt-1.json", path);
            Assert.True(File.Exists(path), $"The checkpoint {path} does not exist.");
            Assert.Equal(["split: Success (attempt 1) -> ", $"count: Success (attempt 1) -> {output.Json}", "2"], printed);
            // The read went through the handler, from the same safe value.
            Assert.Equal(new Dictionary<string, int> { ["to"] = 2, ["be"] = 2, ["or"] = 1, ["not"] = 1 }, counts.Value);
            Assert.Equal(output, counts.SafeValue);
            // What the orchestration holds is safe values only: the counts are in the file, not in any state.
            Assert.DoesNotContain("\"not\":1", JsonSerializer.Serialize(await client.GetFlowRunAsync(runId)));
        }
        finally
        {
            if (Directory.Exists(QuickstartResults))
            {
                Directory.Delete(QuickstartResults, recursive: true);
            }
        }
    }

    [Fact]
    public async Task ResultModel_AsWritten_StoresOnceReadsBackThroughTheHandlerAndNoResultGivesItself()
    {
        using var results = new TempDirectory(); // the README writes to /tmp/results

        // The README's result-model code.
        var handler = new LocalResultHandler(results.Path);
        var result = Result.Create(new[] { 1, 2, 3 }, handler);
        Assert.Same(NoResult.Instance, result.SafeValue); // NoResult until stored
        var safe = (SafeResult)await result.StoreSafeValueAsync();
        var back = await safe.ToResultAsync<int[]>();
        var nothing = NoResult.Instance;

        Assert.IsType<Result<int[]>>(result);
        Assert.Equal(new[] { 1, 2, 3 }, result.Value);
        Assert.Same(handler, result.ResultHandler);
        // safe.Json is the file's path as a JSON string, and the file is the only one written.
        var file = Assert.Single(Directory.GetFiles(results.Path));
        Assert.Equal(file, JsonNode.Parse(safe.Json)!.GetValue<string>());
        Assert.StartsWith("\"", safe.Json);
        Assert.EndsWith(".json\"", safe.Json);
        Assert.Same(safe, result.SafeValue);
        // "writes once": storing again gives the same safe value and writes nothing.
        Assert.Same(safe, await result.StoreSafeValueAsync());
        Assert.Single(Directory.GetFiles(results.Path));
        // Read back through the handler, with the safe value it came from.
        Assert.Equal(new[] { 1, 2, 3 }, back.Value);
        Assert.Same(safe, back.SafeValue);
        // NoResult: its Value, SafeValue, ToResult and Store all give itself.
        Assert.Same(nothing, nothing.Value);
        Assert.Same(nothing, nothing.SafeValue);
        Assert.Same(nothing, await nothing.ToResultAsync());
        Assert.Same(nothing, await nothing.StoreSafeValueAsync());
    }

    [Fact]
    public async Task ResultModel_SafeResultRebuiltFromItsParts_IsReadThroughAnotherCatalog()
    {
        using var results = new TempDirectory();
        var safe = (SafeResult)await Result.Create(new[] { 1, 2, 3 }, new LocalResultHandler(results.Path)).StoreSafeValueAsync();

        // As another host sees it: the parts only (no handler instance), read through that host's own catalog.
        var elsewhere = new SafeResult(safe.Json, safe.Handler, safe.ValueTypeName);
        var back = await elsewhere.ToResultAsync<int[]>(new ResultHandlerCatalog());

        Assert.Equal(new[] { 1, 2, 3 }, back.Value);
        Assert.Equal(ResultHandlers.Local(results.Path), safe.Handler);
    }

    /// <summary>The README's Quickstart flow, as written but for the results directory (see <see cref="QuickstartResults"/>).</summary>
    public sealed class WordCountFlow : IFlowProvider
    {
        public FlowDefinition Define()
        {
            var flow = new FlowBuilder("word-count")
                .WithResultHandler(ResultHandlers.Local(QuickstartResults));                      // flow-level handler
            var text = flow.Parameter<string>("text");                                       // required parameter
            var words = flow.Task("split", (string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries), text);
            flow.Task("count", async (string[] words, CancellationToken ct) =>
                {
                    await Task.Delay(10, ct);
                    return words.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
                },
                words,
                new TaskOptions { MaxRetries = 3, RetryDelay = TimeSpan.FromSeconds(5), Checkpoint = true });
            return flow.Build();   // checks the whole graph; throws FlowValidationException on a cycle
        }
    }
}
