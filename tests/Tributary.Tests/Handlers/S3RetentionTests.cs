using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Client.Retention;
using Tributary.Flows;
using Tributary.Results;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>Retention on an embedded silo whose default handler is S3: it finds a run's objects by listing, named or not, and deletes them.</summary>
[Collection(S3rverCollection.Name)]
public sealed class S3RetentionTests(S3rverFixture s3)
{
    private const string FlowName = "s3-retention";

    [Fact]
    public async Task RetentionSweep_ObjectUnderTheRunPrefixNoStateNames_IsListedAsUnnamedAndDeleted()
    {
        var prefix = $"retention-{Guid.NewGuid():N}/";
        var flow = new FlowBuilder(FlowName);
        flow.Task("extract", () => new[] { 1, 2, 3 }, new TaskOptions { Checkpoint = true });
        await using var client = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(flow.Build()), Configuration(prefix));
        var runId = await client.StartFlowRunAsync(FlowName);
        var run = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(60));
        Assert.Equal(FlowRunStatus.Success, run.Flow.Status);
        // As an attempt whose checkpoint was written but whose state never was: an object under the run's prefix.
        var day = DateOnly.FromDateTime(run.Flow.StartedAt!.Value.UtcDateTime);
        var ghost = $"{prefix}{ResultKey.RunPrefix(FlowName, runId, day)}ghost/attempt-9.json";
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = s3.Bucket, Key = ghost, ContentBody = "42", UseChunkEncoding = false });
        var checkpoint = run.Tasks.Single(task => task.TaskName == "extract").Output!;

        var plan = await client.PlanResultDeletionAsync(RetentionSelection.Run(runId));
        var report = await client.DeleteResultsAsync(plan);
        var again = await client.DeleteResultsAsync(plan);

        Assert.Equal(
            [("extract", StoredResultRole.Output, checkpoint.Json), ("ghost", StoredResultRole.Unnamed, $"\"s3://{s3.Bucket}/{ghost}\"")],
            plan.Results.Select(result => (result.TaskName, result.Role, result.Location)).OrderBy(result => result.TaskName, StringComparer.Ordinal));
        Assert.False(report.HasFailures);
        Assert.All(Assert.Single(report.Runs).Results, result => Assert.Equal(ResultDeletionOutcome.Deleted, result.Outcome));
        Assert.False(await ExistsAsync(ghost));
        Assert.False(await ExistsAsync(checkpoint.Json.Trim('"')[$"s3://{s3.Bucket}/".Length..]));
        // The second pass asks the handler whether each object is still there (a HEAD) and finds them gone.
        Assert.All(Assert.Single(again.Runs).Results, result => Assert.Equal(ResultDeletionOutcome.AlreadyGone, result.Outcome));
    }

    private IConfiguration Configuration(string prefix) => new ConfigurationBuilder()
        .AddInMemoryCollection(S3Hosts.Settings(s3.Server, s3.Bucket, prefix, ("Tributary:ResultHandler:Kind", "s3")))
        .Build();

    private async Task<bool> ExistsAsync(string key)
    {
        try
        {
            await s3.Client.GetObjectMetadataAsync(s3.Bucket, key);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
