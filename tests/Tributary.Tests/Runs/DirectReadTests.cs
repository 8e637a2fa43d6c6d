using System.Globalization;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Hosting;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A downstream task reads a checkpointed upstream's output straight through its handler when the output is larger
/// than <c>Tributary:DirectReadAbove</c>, and takes it from the upstream grain's message otherwise. The handler's read
/// count tells which way the value came (the upstream holds it in memory, so a message needs no read).
/// </summary>
public sealed class DirectReadTests
{
    private const int LargeLength = 4_000;

    [Fact]
    public async Task Input_CheckpointedOutputAboveTheThreshold_IsReadThroughItsHandler()
    {
        var (reads, received) = await RunAsync(directReadAbove: 1_024, LargeLength);

        Assert.Equal(LargeLength, received);
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Input_CheckpointedOutputUnderTheThreshold_ComesInTheUpstreamsMessage()
    {
        var (reads, received) = await RunAsync(directReadAbove: 1_024, 100);

        Assert.Equal(100, received);
        Assert.Equal(0, reads);
    }

    [Fact]
    public async Task Input_DirectReadsTurnedOff_LargeOutputComesInTheUpstreamsMessage()
    {
        var (reads, received) = await RunAsync(directReadAbove: -1, LargeLength);

        Assert.Equal(LargeLength, received);
        Assert.Equal(0, reads);
    }

    // 'make' returns a string of 'length' characters, checkpointed through a counting handler; 'measure' takes it.
    private static async Task<(int Reads, int Received)> RunAsync(int directReadAbove, int length)
    {
        using var results = new TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:ResultHandler:Settings:directory"] = results.Path,
            ["Tributary:DirectReadAbove"] = directReadAbove.ToString(CultureInfo.InvariantCulture),
            // The success is reported once its checkpoint is stored, so the downstream always finds the checkpoint.
            ["Tributary:ReportBeforeStored"] = "false",
        }).Build();
        var handler = new CountingResultHandler();
        var flow = new FlowBuilder("direct-read");
        var made = flow.Task(
            "make", () => new string('x', length), new TaskOptions { Checkpoint = true, ResultHandler = handler.Descriptor });
        flow.Task("measure", (string text) => text.Length, made, new TaskOptions { ResultHandler = ResultHandlers.Json });

        await using var client = await TributaryClientFactory.StartEmbeddedAsync(
            tributary =>
            {
                tributary.AddFlow(flow.Build());
                tributary.Services.AddResultHandler(CountingResultHandler.Kind, (_, _) => handler);
            },
            configuration);
        var runId = await client.StartFlowRunAsync("direct-read", new Dictionary<string, object?>());
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromMinutes(1));

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        Assert.Equal(1, handler.Writes); // the checkpoint
        var reads = handler.Reads;
        var measured = await client.ReadTaskResultAsync<int>(runId, "measure");
        return (reads, measured.Value);
    }
}
