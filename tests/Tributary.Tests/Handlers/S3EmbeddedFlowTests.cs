using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Handlers.S3;
using Tributary.Serialization;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>A flow on an embedded silo configured with <c>Tributary:S3</c>: a task's output goes to S3 and is read back from there.</summary>
[Collection(S3rverCollection.Name)]
public sealed class S3EmbeddedFlowTests(S3rverFixture s3)
{
    private const string FlowName = "s3-squares";

    [Fact]
    public async Task FlowRun_TaskWithS3Handler_StoresItsOutputAtATraceableKeyReadableThroughTheSdk()
    {
        using var results = new TempDirectory();
        var prefix = $"flows-{Guid.NewGuid():N}/";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(S3Hosts.Settings(
                s3.Server, s3.Bucket, prefix,
                ("Tributary:ResultHandler:Settings:directory", results.Path)))
            .Build();
        var flow = new FlowBuilder(FlowName);
        var n = flow.Parameter<int>("n");
        // The squares are checkpointed to S3 (the configured bucket) as the task succeeds; the summary, which takes
        // them as its input, goes to the local default.
        var squares = flow.Task("squares", (int n) => Enumerable.Range(1, n).Select(i => i * i).ToArray(), n,
            new TaskOptions { ResultHandler = S3ResultHandler.DescriptorFor(), Checkpoint = true });
        var summary = flow.Task("summary", (int[] squares) => $"{squares.Length} squares, the last {squares[^1]}", squares);
        var definition = flow.Build();
        await using var client = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(definition), configuration);

        var run = client.GetFlowRunHandle(await client.StartFlowRunAsync(FlowName, new Dictionary<string, object?> { ["n"] = 5 }));
        var final = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        Assert.Equal("5 squares, the last 25", await run.GetResultAsync(summary));
        var output = final.Tasks.Single(task => task.TaskName == "squares").Output!;
        Assert.Equal(S3ResultHandler.DescriptorFor(s3.Bucket), output.Handler);
        var location = JsonSerializer.Deserialize<string>(output.Json)!;
        var key = $"{prefix}{DateTime.UtcNow:yyyy/MM/dd}/{FlowName}/{run.Id}/squares/attempt-1.json";
        // The date is the task's start: a run across midnight may be a day earlier.
        var keyYesterday = $"{prefix}{DateTime.UtcNow.AddDays(-1):yyyy/MM/dd}/{FlowName}/{run.Id}/squares/attempt-1.json";
        Assert.Contains(location, new[] { $"s3://{s3.Bucket}/{key}", $"s3://{s3.Bucket}/{keyYesterday}" });
        using var stored = await s3.Client.GetObjectAsync(s3.Bucket, location[$"s3://{s3.Bucket}/".Length..]);
        var values = await JsonSerializer.DeserializeAsync<int[]>(stored.ResponseStream);
        Assert.Equal(new[] { 1, 4, 9, 16, 25 }, values);
    }

    [Fact]
    public async Task FlowRun_DefaultS3WithFormatSettingsAndTaskChoosingACodec_EachTaskWritesWhatItsDescriptorChooses()
    {
        var prefix = $"flows-{Guid.NewGuid():N}/";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(S3Hosts.Settings(
                s3.Server, s3.Bucket, prefix,
                ("Tributary:ResultHandler:Kind", "s3"),
                ("Tributary:ResultHandler:Settings:format", "msgpack"),
                ("Tributary:ResultHandler:Settings:codec", "brotli")))
            .Build();
        var flow = new FlowBuilder("s3-encodings");
        // Large and repetitive, so that compression pays and the header names the codec.
        var rows = flow.Task("rows", () => Enumerable.Range(0, 500).Select(i => $"row {i % 10}: the same words again").ToArray(),
            new TaskOptions { Checkpoint = true });
        var joined = flow.Task("joined", (string[] rows) => string.Join('\n', rows), rows,
            new TaskOptions { Checkpoint = true, ResultHandler = S3ResultHandler.DescriptorFor(codec: ResultCodec.GZip) });
        var definition = flow.Build();
        await using var client = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(definition), configuration);

        var run = client.GetFlowRunHandle(await client.StartFlowRunAsync("s3-encodings"));
        var final = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        var rowsOutput = final.Tasks.Single(task => task.TaskName == "rows").Output!;
        var joinedOutput = final.Tasks.Single(task => task.TaskName == "joined").Output!;
        Assert.Equal(S3ResultHandler.DescriptorFor(s3.Bucket, ResultFormat.MessagePack, ResultCodec.Brotli), rowsOutput.Handler);
        Assert.Equal(S3ResultHandler.DescriptorFor(s3.Bucket, codec: ResultCodec.GZip), joinedOutput.Handler);
        Assert.EndsWith("/rows/attempt-1.msgpack\"", rowsOutput.Json, StringComparison.Ordinal);
        Assert.EndsWith("/joined/attempt-1.bin\"", joinedOutput.Json, StringComparison.Ordinal);
        Assert.Equal([0xC1, (byte)'T', (byte)'R', (byte)'B', 1, (byte)ResultFormat.MessagePack, (byte)ResultCodec.Brotli, 0], await HeadOfAsync(rowsOutput.Json));
        Assert.Equal([0xC1, (byte)'T', (byte)'R', (byte)'B', 1, (byte)ResultFormat.Json, (byte)ResultCodec.GZip, 0], await HeadOfAsync(joinedOutput.Json));
        Assert.StartsWith("row 0: the same words again\nrow 1:", await run.GetResultAsync(joined), StringComparison.Ordinal);
    }

    private async Task<byte[]> HeadOfAsync(string json)
    {
        var location = JsonSerializer.Deserialize<string>(json)!;
        using var stored = await s3.Client.GetObjectAsync(s3.Bucket, location[$"s3://{s3.Bucket}/".Length..]);
        var head = new byte[8];
        await stored.ResponseStream.ReadExactlyAsync(head);
        return head;
    }
}
