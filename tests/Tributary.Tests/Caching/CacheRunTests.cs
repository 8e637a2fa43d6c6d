using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Tributary.Caching;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Caching;

/// <summary>
/// Output caching on the shared cluster (grain state in Azure Table storage, outputs through the Azure Blob handler):
/// hits across runs and flows with the code not run, a deleted output falling back to running, and two runs on one key
/// at once computing once.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class CacheRunTests(TributaryClusterFixture cluster)
{
    /// <summary>The cluster's digest key (base64 of 32 bytes), as configuration gives it.</summary>
    public const string DigestKey = "dHJpYnV0YXJ5LWNhY2hlLXRlc3QtZGlnZXN0LWtleS0wMQ==";

    private const string Twice = "cache-twice";
    private const string SharedOne = "cache-shared-one";
    private const string SharedTwo = "cache-shared-two";
    private const string SharedKey = "cache-tests/shared";
    private const string Gated = "cache-gated";
    private const string Canary = "cache-canary";
    private static readonly ConcurrentDictionary<string, string> Canaries = new();

    // How many times each test task's code ran, by the tag parameter the test gave its runs (runs see only their tags).
    private static readonly ConcurrentDictionary<string, int> Executions = new();

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var blob = ResultHandlers.AzureBlob(storage.Container);

        var twice = new FlowBuilder(Twice);
        var tag = twice.Parameter<string>("tag");
        var square = twice.Task(
            "square",
            (string tag) => new Tagged(tag, Executions.AddOrUpdate(tag, 1, (_, n) => n + 1) * 0 + 42),
            tag,
            // Checkpoint = false: guards a fixed bug where a cached task that turned checkpoints off stored no output and
            // added an entry pointing nowhere (a cached output is written whatever the checkpoint setting).
            new TaskOptions { CacheFor = TimeSpan.FromHours(1), CacheValidator = CacheValidator.AllInputs, ResultHandler = blob, Checkpoint = false });
        twice.Task("after", (Tagged value) => $"{value.Tag}:{value.Value}", square, new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });
        yield return twice.Build();

        foreach (var name in new[] { SharedOne, SharedTwo })
        {
            var shared = new FlowBuilder(name);
            var sharedTag = shared.Parameter<string>("tag");
            shared.Task(
                "load",
                (string tag) => new Tagged(tag, Executions.AddOrUpdate(tag, 1, (_, n) => n + 1) * 0 + 7),
                sharedTag,
                new TaskOptions
                {
                    CacheFor = TimeSpan.FromHours(1),
                    CacheKey = SharedKey,
                    CacheValidator = CacheValidator.AllInputs,
                    ResultHandler = blob,
                });
            yield return shared.Build();
        }

        var gated = new FlowBuilder(Gated);
        var gatedTag = gated.Parameter<string>("tag");
        gated.Task(
            "slow",
            async (string tag) =>
            {
                Executions.AddOrUpdate(tag, 1, (_, n) => n + 1);
                await Runs.TaskProbes.Gate(tag, "compute").Task;
                return tag.Length;
            },
            gatedTag,
            new TaskOptions { CacheFor = TimeSpan.FromHours(1), CacheValidator = CacheValidator.AllInputs, ResultHandler = blob });
        yield return gated.Build();

        var canary = new FlowBuilder(Canary);
        var tier = canary.Parameter<string>("tier");
        var canaryTag = canary.Parameter<string>("tag");
        canary.Task(
            "profile",
            (string tag) => new Tagged($"{Canaries[tag]}-output", 1),
            canaryTag,
            new TaskOptions { CacheFor = TimeSpan.FromHours(1), CacheValidator = CacheValidator.AllParameters, ResultHandler = blob });
        canary.Task("tiered", (string tier) => tier.Length, tier);
        yield return canary.Build();
    }

    [Fact]
    public async Task Run_TwiceWithSameInput_SecondIsACacheHitAndTheCodeRunsOnce()
    {
        var tag = NewTag();

        var first = await RunAsync(Twice, tag);
        var second = await RunAsync(Twice, tag);

        Assert.Equal(1, Executions[tag]);
        var (computed, hit) = (await SquareOf(first), await SquareOf(second));
        Assert.Equal(TaskRunStatus.Cached, computed.Status);
        Assert.StartsWith("Ran; cached as entry", computed.Message);
        Assert.Equal(TaskRunStatus.Cached, hit.Status);
        Assert.StartsWith("Cache hit: entry", hit.Message);
        Assert.Equal(computed.Output, hit.Output); // the hit's output is the entry's, read back through the blob handler
        Assert.Equal($"\"{tag}:42\"", (await cluster.TaskRun(second, "after").GetStateAsync()).Output?.Json);
        var entries = await cluster.Client.GetGrain<ICacheGrain>($"{Twice}/square").ListAsync();
        var entry = Assert.Single(entries, e => e.FlowRunId == first);
        Assert.Equal(1, await WaitForHitsAsync($"{Twice}/square", entry.Id, 1));
    }

    [Fact]
    public async Task Run_OtherInput_RunsTheCodeAgain()
    {
        var (tag, other) = (NewTag(), NewTag());

        await RunAsync(Twice, tag);
        var second = await RunAsync(Twice, other);

        Assert.Equal((1, 1), (Executions[tag], Executions[other]));
        Assert.StartsWith("Ran;", (await SquareOf(second)).Message);
    }

    [Fact]
    public async Task Run_TwoFlowsSharingAKey_SecondFlowUsesTheFirstFlowsEntry()
    {
        var tag = NewTag();

        await RunAsync(SharedOne, tag);
        var second = await RunAsync(SharedTwo, tag);

        Assert.Equal(1, Executions[tag]);
        var load = await cluster.TaskRun(second, "load").GetStateAsync();
        Assert.Equal(TaskRunStatus.Cached, load.Status);
        Assert.StartsWith("Cache hit", load.Message);
        Assert.Contains(SharedKey, await cluster.Client.GetGrain<ICacheIndexGrain>(ICacheIndexGrain.Name).GetKeysAsync());
    }

    [Fact]
    public async Task Run_EntryOutputDeleted_EntryDroppedAndTheTaskRuns()
    {
        var tag = NewTag();
        var first = await RunAsync(Twice, tag);
        var output = (await SquareOf(first)).Output!;
        var blobName = new Azure.Storage.Blobs.BlobUriBuilder(new Uri(JsonNode.Parse(output.Json)!.GetValue<string>())).BlobName;
        await cluster.Blobs.GetBlobContainerClient(cluster.Storage.Container).DeleteBlobAsync(blobName);

        var second = await RunAsync(Twice, tag);

        Assert.Equal(2, Executions[tag]);
        Assert.StartsWith("Ran;", (await SquareOf(second)).Message);
        var entries = await cluster.Client.GetGrain<ICacheGrain>($"{Twice}/square").ListAsync();
        Assert.DoesNotContain(entries, entry => entry.FlowRunId == first);
        Assert.Contains(entries, entry => entry.FlowRunId == second);
    }

    [Fact]
    public async Task Run_TwoRunsOnOneKeyAtOnce_OneComputesTheOtherWaitsForItsEntry()
    {
        var tag = NewTag();
        var (a, b) = (TributaryClusterFixture.NewRunId(), TributaryClusterFixture.NewRunId());

        await Task.WhenAll(cluster.StartAsync(a, Gated, ("tag", tag)), cluster.StartAsync(b, Gated, ("tag", tag)));
        // One run's code is computing (held at its gate), and both tasks are past their cache check.
        await WaitUntilAsync(() => Executions.GetValueOrDefault(tag) == 1);
        await cluster.WaitForTaskAsync(a, "slow", s => s.Status == TaskRunStatus.Running);
        await cluster.WaitForTaskAsync(b, "slow", s => s.Status == TaskRunStatus.Running);
        Runs.TaskProbes.Gate(tag, "compute").TrySetResult();
        var results = await Task.WhenAll(cluster.WaitForFlowAsync(a), cluster.WaitForFlowAsync(b));

        Assert.All(results, run => Assert.Equal(FlowRunStatus.Success, run.Status));
        Assert.Equal(1, Executions[tag]);
        var messages = await Task.WhenAll(new[] { a, b }.Select(async run => (await cluster.TaskRun(run, "slow").GetStateAsync()).Message ?? string.Empty));
        Assert.Single(messages, message => message.StartsWith("Ran;", StringComparison.Ordinal));
        Assert.Single(messages, message => message.StartsWith("Cache hit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_CachedWithParameterDigests_CacheStateHoldsNoRawValueAndNoGuessableDigest()
    {
        var tag = NewTag();
        Canaries[tag] = $"CANARY-{Guid.NewGuid():N}";
        // A low-entropy parameter: one of four tiers. Its digest is in the entry; the tier must not be recoverable from it.
        string[] tiers = ["bronze", "silver", "gold", "platinum"];
        var runId = await cluster.StartAsync(Canary, ("tier", "platinum"), ("tag", tag));
        Assert.Equal(FlowRunStatus.Success, (await cluster.WaitForFlowAsync(runId)).Status);
        var entry = Assert.Single(await cluster.Client.GetGrain<ICacheGrain>($"{Canary}/profile").ListAsync(), e => e.FlowRunId == runId);

        // The rows that hold the cache grain's state: found by the entry's id inside the serialized state.
        var cacheRows = (await cluster.FindInTablesAsync(entry.Id)).Select(EntityOf).ToHashSet();
        Assert.NotEmpty(cacheRows);
        var keyed = CacheDigesterTests.Digester(DigestKey);
        var unkeyed = tiers.SelectMany(t => Unkeyed($"\"{t}\"")).ToArray();
        var guessedWithOtherKey = tiers.Select(t => CacheDigesterTests.Digester(Convert.ToBase64String(new byte[32])).OfJson($"\"{t}\"")).ToArray();
        var hits = (await cluster.FindInTablesAsync([Canaries[tag], "platinum", keyed.OfJson("\"platinum\""), .. unkeyed, .. guessedWithOtherKey]))
            .Where(hit => cacheRows.Contains(EntityOf(hit)))
            .ToArray();

        // The scan finds the keyed digest (so it reads the state), and nothing else: no raw output, no tier, no digest a
        // guess without the key could produce.
        Assert.Equal([keyed.OfJson("\"platinum\"")], hits.Select(NeedleOf).Distinct());
        Assert.Empty(await cluster.FindInTablesAsync(Canaries[tag]));
        Assert.Equal(keyed.OfJson("\"platinum\""), entry.ParameterDigests!["tier"]);
    }

    // A digest an attacker could compute without the key: SHA-256 of the value's JSON, as hex and as base64.
    private static string[] Unkeyed(string json)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json));
        return [Convert.ToHexStringLower(hash), Convert.ToBase64String(hash)];
    }

    private static string EntityOf(string hit) => hit[..hit.IndexOf(", property ", StringComparison.Ordinal)];

    private static string NeedleOf(string hit) => hit[(hit.LastIndexOf(": '", StringComparison.Ordinal) + 3)..^1];

    /// <summary>A value that tells which run made it.</summary>
    public sealed record Tagged(string Tag, int Value);

    private static string NewTag() => $"tag-{Guid.NewGuid():N}";

    private async Task<string> RunAsync(string flow, string tag)
    {
        var runId = await cluster.StartAsync(flow, ("tag", tag));
        var final = await cluster.WaitForFlowAsync(runId);
        Assert.True(final.Status == FlowRunStatus.Success, $"{flow} run {runId} ended {final.Status}: {final.Message}");
        return runId;
    }

    private Task<TaskRunState> SquareOf(string runId) => cluster.TaskRun(runId, "square").GetStateAsync();

    private async Task<int> WaitForHitsAsync(string key, string entryId, int hits)
    {
        var found = 0;
        await WaitUntilAsync(async () =>
        {
            found = (await cluster.Client.GetGrain<ICacheGrain>(key).ListAsync()).Single(e => e.Id == entryId).Hits;
            return found >= hits;
        });
        return found;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    // A poll on a condition with no event to wait on; fails after the fixture's patience.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TributaryClusterFixture.Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }
}
