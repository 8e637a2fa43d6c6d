using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Hosting;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A checkpointed output is kept in memory to hand it to its downstream tasks, and dropped once none of them needs it:
/// asked for again, it is read back through its handler. The handler's read count tells whether the copy was dropped.
/// </summary>
public sealed class StoredOutputReleaseTests
{
    // Guards a fixed cost: every finished task's activation kept its checkpointed output and that output's serialized
    // copy in memory until idle collection (2.4 MB per task of the benchmark's W3, 120 MB per run), so each new run
    // grew the process instead of reusing memory.
    [Fact]
    public async Task GetOutput_CheckpointedOutputAfterItsDownstreamSucceeded_IsReadBackThroughItsHandler()
    {
        using var results = new TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:ResultHandler:Settings:directory"] = results.Path,
            // A held value always comes in the upstream's message, so the downstream makes no read of its own.
            ["Tributary:DirectReadAbove"] = "-1",
        }).Build();
        var handler = new CountingResultHandler();
        var flow = new FlowBuilder("stored-output-release");
        var made = flow.Task(
            "make", () => new string('x', 4_000), new TaskOptions { Checkpoint = true, ResultHandler = handler.Descriptor });
        flow.Task("measure", (string text) => text.Length, made, new TaskOptions { ResultHandler = ResultHandlers.Json });

        await using var client = await TributaryClientFactory.StartEmbeddedAsync(
            tributary =>
            {
                tributary.AddFlow(flow.Build());
                tributary.Services.AddResultHandler(CountingResultHandler.Kind, (_, _) => handler);
            },
            configuration);
        var runId = await client.StartFlowRunAsync("stored-output-release", new Dictionary<string, object?>());
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromMinutes(1));
        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        Assert.Equal(0, handler.Reads); // "measure" got the value in make's message

        // The release is a one-way message sent as "measure" succeeds: ask until make answers from its checkpoint.
        var make = client.Cluster.GetGrain<ITaskRunGrain>(TaskRunKey.Of(runId, "make"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        TaskOutput output;
        do
        {
            output = await make.GetOutputAsync();
        }
        while (handler.Reads == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(1, handler.Reads);
        Assert.Equal(4_000 + 2, output.Payload.Length); // the JSON string, quotes included
    }
}
