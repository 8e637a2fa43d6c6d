using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Client;

/// <summary>A 1,000-element map runs to Success on the embedded silo the SDK starts.</summary>
public sealed class EmbeddedMapTests
{
    [Fact]
    public async Task StartEmbedded_MapOfOneThousandElements_RunsToSuccessAndTheDownstreamGetsTheOrderedList()
    {
        using var results = new TempDirectory();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:ResultHandler:Settings:directory"] = results.Path })
            .Build();
        var flow = new FlowBuilder("embedded-map");
        var items = flow.Task("items", (int n) => Enumerable.Range(0, n).ToList(), flow.Parameter<int>("n"));
        var squares = flow.Map("square", x => (long)x * x, items);
        flow.Task("sum", (IReadOnlyList<long> squares) => $"{squares.Count}:{squares.Sum()}:{squares[999]}", squares, new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });

        await using var client = await TributaryClientFactory.StartEmbeddedAsync(tributary => tributary.AddFlow(flow.Build()), configuration);
        var runId = await client.StartFlowRunAsync("embedded-map", new Dictionary<string, object?> { ["n"] = 1000 });
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromMinutes(3));

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        var sum = await client.ReadTaskResultAsync<string>(runId, "sum");
        Assert.Equal($"1000:{Enumerable.Range(0, 1000).Sum(x => (long)x * x)}:998001", sum.Value);
        Assert.Equal(1000, final.Tasks.Count(task => task.TaskName.StartsWith("square[", StringComparison.Ordinal) && task.Status == TaskRunStatus.Success));
        var map = await client.ReadTaskResultAsync<IReadOnlyList<long>>(runId, "square"); // the map's own result: the list
        Assert.Equal(Enumerable.Range(0, 1000).Select(x => (long)x * x), map.Value);
    }
}
