using System.Globalization;

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
        await using var run = await MakeMeasureRun.RunAsync("direct-read", length, new()
        {
            ["Tributary:DirectReadAbove"] = directReadAbove.ToString(CultureInfo.InvariantCulture),
            // The success is reported once its checkpoint is stored, so the downstream always finds the checkpoint.
            ["Tributary:ReportBeforeStored"] = "false",
        });
        Assert.Equal(1, run.Handler.Writes); // the checkpoint
        var reads = run.Handler.Reads;
        var measured = await run.Client.ReadTaskResultAsync<int>(run.RunId, "measure");
        return (reads, measured.Value);
    }
}
