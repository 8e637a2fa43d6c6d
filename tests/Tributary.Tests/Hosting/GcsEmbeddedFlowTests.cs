using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Hosting;

/// <summary>
/// An embedded silo configured from <c>Tributary:Gcs</c> with <c>gcs</c> as its default handler: a run's outputs go to
/// the bucket under traceable names, its state holds only <c>gs://</c> URIs, and the SDK reads the outputs back.
/// </summary>
[Collection(GcsCollection.Name)]
public sealed class GcsEmbeddedFlowTests(GcsFixture gcs)
{
    private const string FlowName = "gcs-e2e";
    private readonly GcsTestServer _server = gcs.Server;

    [Fact]
    public async Task FlowRun_GcsDefaultHandler_OutputsLiveInTheBucketAndReadBackThroughTheSdk()
    {
        var bucket = _server.CreateBucket();
        // One upload refused with 503 before any succeeds: the engine rides it out (Tributary:StorageRetry).
        _server.Fail(r => r.Bucket == bucket && r.Operation == "upload-start", 503);
        var flow = new FlowBuilder(FlowName);
        // Checkpointed: each output is written through the handler under its attempt's key and recorded in the state.
        var checkpoint = new TaskOptions { Checkpoint = true };
        var numbers = flow.Task("numbers", (int n) => Enumerable.Range(1, n).ToList(), flow.Parameter<int>("n"), checkpoint);
        flow.Task("total", (List<int> numbers) => numbers.Sum(), numbers, checkpoint);

        await using var client = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(flow.Build()), Configuration(bucket));
        var runId = await client.StartFlowRunAsync(FlowName, new Dictionary<string, object?> { ["n"] = 100 });
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(60));

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        Assert.Equal(5050, (await client.ReadTaskResultAsync<int>(runId, "total")).Value);
        Assert.Equal(Enumerable.Range(1, 100), (await client.ReadTaskResultAsync<List<int>>(runId, "numbers")).Value);
        foreach (var task in final.Tasks)
        {
            var output = Assert.IsType<Tributary.Results.SafeResult>(task.Output);
            Assert.Equal(GcsResultHandlers.Kind, output.Handler.Kind);
            // The stored safe value is the object's URI, under a traceable name: date/flow/run/task/attempt.
            var uri = System.Text.Json.Nodes.JsonNode.Parse(output.Json)!.GetValue<string>();
            Assert.Matches($"^gs://{bucket}/runs/\\d{{4}}/\\d{{2}}/\\d{{2}}/{FlowName}/{runId}/{task.TaskName}/attempt-1[^/]*\\.json$", uri);
            Assert.NotNull(_server.Content(bucket, uri[$"gs://{bucket}/".Length..]));
        }

        Assert.Contains(503, _server.RequestsFor(bucket).Select(r => r.Status));
    }

    [Theory]
    [InlineData("Tributary:Gcs:Bucket", "Not_A_Bucket!", "Tributary:Gcs:Bucket 'Not_A_Bucket!'")]
    [InlineData("Tributary:Gcs:ChunkSize", "1000", "Tributary:Gcs:ChunkSize")]
    [InlineData("Tributary:Gcs:BaseUri", "", "Tributary:Gcs:UnauthenticatedAccess")]
    public async Task Start_BadGcsSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(Configuration(_server.CreateBucket()))
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(AnyFlow()), configuration));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private IConfiguration Configuration(string bucket) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:Gcs:Bucket"] = bucket,
            ["Tributary:Gcs:Prefix"] = "runs/",
            ["Tributary:Gcs:BaseUri"] = _server.BaseUri.ToString(),
            ["Tributary:Gcs:UnauthenticatedAccess"] = "true",
            ["Tributary:ResultHandler:Kind"] = GcsResultHandlers.Kind,
        })
        .Build();

    private static FlowDefinition AnyFlow()
    {
        var flow = new FlowBuilder("gcs-any");
        flow.Task("t", () => 1);
        return flow.Build();
    }
}
