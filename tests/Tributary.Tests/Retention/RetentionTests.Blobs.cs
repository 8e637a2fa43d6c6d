using Tributary.Client.Retention;
using Tributary.Flows;
using Tributary.Results;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Retention;

// Retention through the Azure Blob handler: it lists the run's prefix, so a blob no state names is swept too.
public sealed partial class RetentionTests
{
    [Fact]
    public async Task RetentionSweep_AzureBlobRun_DeletesItsMessagePackCheckpointsAndABlobNoStateNames()
    {
        var client = Client();
        var runId = await client.StartFlowRunAsync(Blobs);
        var snapshot = await client.WaitForFlowRunAsync(runId, TributaryClusterFixture.Patience);
        Assert.Equal(FlowRunStatus.Success, snapshot.Flow.Status);
        var container = fixture.Blobs.GetBlobContainerClient(fixture.Storage.Container);
        // As an attempt whose checkpoint was written but whose state never was: a blob under the run's prefix.
        var ghostKey = ResultKey.OfAttempt(Blobs, runId, "ghost", 9, snapshot.Flow.StartedAt!.Value);
        var ghost = container.GetBlobClient(ghostKey.ToRelativePath() + ".msgpack");
        await ghost.UploadAsync(BinaryData.FromString("42"));

        var plan = await client.PlanResultDeletionAsync(RetentionSelection.Run(runId));
        var report = await client.DeleteResultsAsync(plan);

        var named = plan.Results.Where(result => result.Role != StoredResultRole.Unnamed).Select(PathOf).ToArray();
        Assert.Equal(2, named.Length);
        Assert.All(named, uri => Assert.EndsWith(".msgpack", uri, StringComparison.Ordinal));
        var unnamed = Assert.Single(plan.Results, result => result.Role == StoredResultRole.Unnamed);
        Assert.Equal(ghost.Uri.GetLeftPart(UriPartial.Path), PathOf(unnamed));
        Assert.False(report.HasFailures);
        var prefix = ResultKey.RunPrefix(Blobs, runId, DateOnly.FromDateTime(snapshot.Flow.StartedAt!.Value.UtcDateTime));
        await foreach (var left in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            Assert.Fail($"{left.Name} is still stored after the run's results were deleted.");
        }
    }
}
