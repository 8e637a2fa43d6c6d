using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Client.Retention;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// Retention with Cloud Storage: the plan finds, by listing the run's prefix, an object no state names, and deletion
/// leaves nothing of the run in the bucket. Against the in-test server, in an embedded silo.
/// </summary>
[Collection(GcsCollection.Name)]
public sealed class GcsRetentionTests(GcsFixture gcs)
{
    private const string FlowName = "gcs-retention";
    private readonly GcsTestServer _server = gcs.Server;

    [Fact]
    public async Task RetentionDelete_TaskDescriptorNamesTheBucket_UnnamedObjectIsPlannedAndEverythingIsDeleted()
    {
        var bucket = _server.CreateBucket();
        var handler = GcsResultHandlers.Bucket(bucket, "runs/", _server.BaseUri, ResultFormat.MessagePack);

        await RunThenDeleteAsync(bucket, Configuration(bucket, defaultIsGcs: false), handler);
    }

    /// <summary>
    /// Guards two faults of the sweep with a configured default: the task states name the configured descriptor
    /// (<c>gcs(format=msgpack)</c>, the bucket left to the host), which the sweep must not take for another handler than
    /// the outputs' (every object listed twice), and sweeping must not modify what it iterates.
    /// </summary>
    [Fact]
    public async Task RetentionDelete_ConfiguredDefaultWithFormat_UnnamedObjectIsPlannedOnceAndEverythingIsDeleted()
    {
        var bucket = _server.CreateBucket();

        await RunThenDeleteAsync(bucket, Configuration(bucket, defaultIsGcs: true), handler: null);
    }

    private async Task RunThenDeleteAsync(string bucket, IConfiguration configuration, ResultHandlerDescriptor? handler)
    {
        var flow = new FlowBuilder(FlowName);
        var checkpoint = new TaskOptions { Checkpoint = true, ResultHandler = handler };
        var numbers = flow.Task("numbers", () => new[] { 1, 2, 3 }, checkpoint);
        flow.Task("sum", (int[] xs) => xs.Sum(), numbers, checkpoint);

        await using var client = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(flow.Build()), configuration);
        var runId = await client.StartFlowRunAsync(FlowName);
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(60));
        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        var runPrefix = "runs/" + ResultKey.RunPrefix(FlowName, runId, DateOnly.FromDateTime(final.Flow.StartedAt!.Value.UtcDateTime));
        var outputs = _server.ObjectNames(bucket).Where(name => name.StartsWith(runPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, outputs.Count);
        Assert.All(outputs, name => Assert.EndsWith(".msgpack", name, StringComparison.Ordinal)); // the format setting honoured
        // As an attempt whose checkpoint was written but whose state never was: an object under the run's prefix.
        var ghost = runPrefix + "ghost/attempt-9.msgpack";
        _server.Put(bucket, ghost, "42"u8.ToArray());

        var plan = await client.PlanResultDeletionAsync(RetentionSelection.Run(runId));
        var report = await client.DeleteResultsAsync(plan);
        var again = await client.DeleteResultsAsync(plan);

        var unnamed = Assert.Single(plan.Results, result => result.Role == StoredResultRole.Unnamed);
        Assert.Equal($"gs://{bucket}/{ghost}", JsonNode.Parse(unnamed.Location)!.GetValue<string>());
        Assert.Equal("ghost", unnamed.TaskName);
        Assert.Equal(2, plan.Results.Count(result => result.Role == StoredResultRole.Output));
        Assert.Equal(3, plan.Results.Count());
        Assert.False(report.HasFailures);
        Assert.DoesNotContain(_server.ObjectNames(bucket), name => name.StartsWith(runPrefix, StringComparison.Ordinal));
        // Deleted ones are told apart from failures by the existence check (a metadata request).
        Assert.All(Assert.Single(again.Runs).Results, result => Assert.Equal(ResultDeletionOutcome.AlreadyGone, result.Outcome));
        Assert.Contains(_server.RequestsFor(bucket), r => r.Operation == "list" && r.Status == 200);
    }

    private IConfiguration Configuration(string bucket, bool defaultIsGcs)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tributary:Gcs:Bucket"] = bucket,
            ["Tributary:Gcs:Prefix"] = "runs/",
            ["Tributary:Gcs:BaseUri"] = _server.BaseUri.ToString(),
            ["Tributary:Gcs:UnauthenticatedAccess"] = "true",
        };
        if (defaultIsGcs)
        {
            settings["Tributary:ResultHandler:Kind"] = GcsResultHandlers.Kind;
            settings["Tributary:ResultHandler:Settings:format"] = "msgpack";
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
