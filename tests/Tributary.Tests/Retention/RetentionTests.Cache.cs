using Tributary.Client.Retention;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Retention;

// Cached outputs are shared across runs: retention leaves what the cache serves, and the run that names it, to the cache.
public sealed partial class RetentionTests
{
    [Fact]
    public async Task RetentionDelete_OutputTheCacheServes_IsKeptWithItsRunUntilTheEntryIsCleared()
    {
        var client = Client();
        var tag = $"tag-{Guid.NewGuid():N}";
        var first = await client.StartFlowRunAsync(Cached, new Dictionary<string, object?> { ["tag"] = tag });
        var output = (await client.WaitForFlowRunAsync(first, TributaryClusterFixture.Patience)).Tasks.Single().Output!;
        var file = PathOf(new StoredResult("rate", StoredResultRole.Output, null, output));
        var entry = (await client.ListCacheEntriesAsync($"{Cached}/rate")).Single(candidate => candidate.FlowRunId == first);

        var kept = await client.DeleteResultsAsync(RetentionSelection.Run(first), deleteRuns: true);

        var run = Assert.Single(kept.Runs);
        Assert.Equal(file, PathOf(Assert.Single(run.KeptForCache)));
        Assert.DoesNotContain(run.Results, result => PathOf(result.Result) == file);
        Assert.False(run.RunDeleted);
        Assert.False(kept.HasFailures);
        Assert.True(File.Exists(file));
        Assert.Equal(FlowRunStatus.Success, (await client.GetFlowRunAsync(first)).Flow.Status);

        // Once the cache no longer serves it, the next deletion removes it, and then the run.
        Assert.True(await client.RemoveCacheEntryAsync($"{Cached}/rate", entry.Id));
        var cleaned = Assert.Single((await client.DeleteResultsAsync(RetentionSelection.Run(first), deleteRuns: true)).Runs);
        Assert.Empty(cleaned.KeptForCache);
        Assert.True(cleaned.RunDeleted);
        Assert.False(File.Exists(file));
    }
}
