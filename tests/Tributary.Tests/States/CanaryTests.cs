using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using Tributary.Tests.Runs;
using static Tributary.Testing.ConformanceSamples;

namespace Tributary.Tests.States;

/// <summary>
/// The orchestration store never holds raw data, checked on real storage: a run whose outputs carry a unique canary
/// (checkpointed through the local and Azure Blob handlers, cached for a retry, kept in memory only) leaves the canary in
/// the handlers' own files and blobs, and nowhere in Azure Table storage (grain state, reminders), in any other blob
/// container, or in what the client API returns. The signature of the SAS the cluster's Azure Blob handler is
/// configured with is a canary too: it is in the configuration, and nowhere in storage or in what the client sees.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class CanaryTests(TributaryClusterFixture cluster)
{
    private const string Flow = "canary";
    private static readonly ConcurrentDictionary<string, string> Canaries = new();

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var local = ResultHandlers.Local(storage.Directory("canary"));
        var blob = ResultHandlers.AzureBlob(storage.Container);
        var flow = new FlowBuilder(Flow);
        var secret = flow.Task(
            "secret",
            (TaskRunContext context) => $"{Canaries[context.FlowRunId]}-local",
            new TaskOptions { ResultHandler = local, Checkpoint = true });
        var record = flow.Task(
            "record",
            (string secret, TaskRunContext context) => new Order($"{Canaries[context.FlowRunId]}-order", 1m, [secret, "plain"]),
            secret,
            new TaskOptions { ResultHandler = blob, Checkpoint = true });
        var memory = flow.Task(
            "memory",
            (TaskRunContext context) => $"{Canaries[context.FlowRunId]}-memory",
            new TaskOptions { ResultHandler = local, Checkpoint = false });
        flow.Task(
            "combine",
            async (string secret, Order order, string kept, TaskRunContext context) =>
            {
                if (TaskProbes.Count(context) == 1)
                {
                    throw new InvalidOperationException("first attempt fails; the inputs are cached");
                }

                await TaskProbes.Gate(context.FlowRunId, "combine").Task;
                return new[] { secret, order.Id, kept, $"{Canaries[context.FlowRunId]}-final" };
            },
            secret,
            record,
            memory,
            new TaskOptions { ResultHandler = blob, Checkpoint = true, MaxRetries = 1 });
        yield return flow.Build();
    }

    [Fact]
    public async Task Run_OutputsCarryCanary_CanaryOnlyInHandlerStorageNeverInStateStorageOrClientApi()
    {
        var runId = TributaryClusterFixture.NewRunId();
        var canary = $"CANARY-{Guid.NewGuid():N}";
        Canaries[runId] = canary;
        await cluster.StartAsync(runId, Flow);

        // While combine's second attempt is held, its persisted state is the Retrying one, with the cached inputs.
        var retried = await cluster.WaitForTaskAsync(runId, "combine", s => s.Attempt == 2);
        Assert.Equal(["kept", "order", "secret"], retried.CachedInputs.Keys.Order());
        var cachedFile = Path.GetFileName(JsonNode.Parse(retried.CachedInputs["kept"].Json)!.GetValue<string>());
        Assert.NotEmpty(await cluster.FindInTablesAsync(cachedFile)); // the scan sees the cached inputs' safe values...
        var cachedBlob = BlobName(retried.CachedInputs["order"].Json); // ...including the blob URI written with the SAS...
        Assert.NotEmpty(await cluster.FindInTablesAsync(cachedBlob));
        await AssertNoCanaryOutsideHandlersAsync(runId, canary); // ...and no raw value or signature beside them
        var canaryFiles = () => Directory.GetFiles(cluster.Storage.Directory("canary"), "*", SearchOption.AllDirectories)
            .Count(file => TributaryClusterFixture.Holds(File.ReadAllBytes(file), canary));
        Assert.Equal(2, canaryFiles()); // secret's checkpoint, and the copy of memory that combine cached for its retry

        TaskProbes.Gate(runId, "combine").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);
        Assert.Equal(FlowRunStatus.Success, final.Status);
        await AssertNoCanaryOutsideHandlersAsync(runId, canary);

        // The handlers' own storage does hold the canary, so the scans above could have found it.
        Assert.Equal(1, canaryFiles()); // secret's checkpoint: combine deleted its cached copy once it succeeded
        var blobs = await cluster.FindInBlobsAsync(name => name == cluster.Storage.Container, canary);
        Assert.Equal(2, blobs.Count); // record, combine
        // The blob handler wrote with the SAS, whose signature the scans looked for in the form the configuration holds it.
        var configured = cluster.Configuration["Tributary:AzureBlob:ConnectionString"];
        Assert.Contains(SignatureForms, signature => TributaryClusterFixture.Holds(configured, signature));
        var combine = await cluster.TaskRun(runId, "combine").GetStateAsync();
        Assert.NotEmpty(await cluster.FindInTablesAsync(BlobName(combine.Output!.Json))); // its checkpoint's URI, written with the SAS
    }

    // The signature of the SAS the blob handler is configured with, decoded and as written in a URI or connection string.
    private string[] SignatureForms => AzuriteSas.SignatureForms(cluster.BlobSas);

    private static string BlobName(string safeJson) =>
        new Azure.Storage.Blobs.BlobUriBuilder(new Uri(JsonNode.Parse(safeJson)!.GetValue<string>())).BlobName;

    private async Task AssertNoCanaryOutsideHandlersAsync(string runId, string canary)
    {
        var tableHits = await cluster.FindInTablesAsync([canary, runId, .. SignatureForms]);
        Assert.DoesNotContain(tableHits, hit => hit.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(tableHits, hit => SignatureForms.Any(signature => hit.Contains(signature, StringComparison.Ordinal)));
        // The run's state is there, and found inside the serialized state, not only in the keys: the scan reads it.
        Assert.Contains(tableHits, hit => !hit.Contains("property PartitionKey", StringComparison.Ordinal)
                                           && !hit.Contains("property RowKey", StringComparison.Ordinal));
        Assert.Empty(await cluster.FindInBlobsAsync(name => name != cluster.Storage.Container, canary));
        Assert.Empty(await cluster.FindInBlobsAsync(_ => true, SignatureForms)); // no blob anywhere, state or result, holds the SAS

        var snapshot = await cluster.FlowRun(runId).GetSnapshotAsync();
        var json = JsonSerializer.Serialize(snapshot);
        Assert.Contains(runId, json);
        Assert.DoesNotContain(canary, json);
        Assert.All(SignatureForms, signature => Assert.DoesNotContain(signature, json));
        foreach (var task in snapshot.Tasks)
        {
            var state = JsonSerializer.Serialize(await cluster.TaskRun(runId, task.TaskName).GetStateAsync());
            Assert.DoesNotContain(canary, state);
            Assert.All(SignatureForms, signature => Assert.DoesNotContain(signature, state));
        }
    }
}
