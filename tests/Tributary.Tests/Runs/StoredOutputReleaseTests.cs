using Tributary.Grains;

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
        // A held value always comes in the upstream's message, so the downstream makes no read of its own.
        await using var run = await MakeMeasureRun.RunAsync("stored-output-release", 4_000, new() { ["Tributary:DirectReadAbove"] = "-1" });
        var (client, handler, runId) = (run.Client, run.Handler, run.RunId);
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
