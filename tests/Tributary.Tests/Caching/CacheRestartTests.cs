using System.Collections.Concurrent;
using System.Collections.Immutable;
using Orleans.Runtime;
using Tributary.Caching;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Caching;

/// <summary>
/// The cache survives a restart of every silo: a cluster of its own (state in Azure Table storage, outputs in Azure Blob
/// storage, both on Azurite) whose only silo is replaced by a new one between two runs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CacheRestartTests
{
    private const string Flow = "cache-restart";
    private static readonly ConcurrentDictionary<string, int> Executions = new();

    [Fact]
    public async Task Run_AfterEverySiloRestarted_HitsTheEntryMadeBefore()
    {
        var azurite = await AzuriteServer.Shared;
        var container = $"cache-restart-{Guid.NewGuid():N}";
        await using var cluster = new RedeployableCluster
        {
            Settings = new Dictionary<string, string?>
            {
                ["Tributary:AzureBlob:ConnectionString"] = azurite.ConnectionString,
                ["Tributary:Cache:DigestKey"] = CacheRunTests.DigestKey,
            },
        };
        var tag = $"tag-{Guid.NewGuid():N}";
        await cluster.StartAsync(Define(container));
        var first = await RunAsync(cluster, tag);

        await cluster.RedeployAsync(Define(container)); // a new silo, and the old one stopped: nothing survives in memory
        var second = await RunAsync(cluster, tag);

        Assert.Equal(1, Executions[tag]);
        var hit = await cluster.TaskRun(second, "fetch").GetStateAsync();
        Assert.Equal(TaskRunStatus.Cached, hit.Status);
        Assert.Contains($"made by {first}/fetch", hit.Message);
        Assert.Equal($"\"{tag}!\"", (await cluster.TaskRun(second, "shout").GetStateAsync()).Output?.Json);
    }

    private static FlowDefinition Define(string container)
    {
        var flow = new FlowBuilder(Flow);
        var tag = flow.Parameter<string>("tag");
        var fetch = flow.Task(
            "fetch",
            (string tag) =>
            {
                Executions.AddOrUpdate(tag, 1, (_, n) => n + 1);
                return tag;
            },
            tag,
            new TaskOptions { CacheFor = TimeSpan.FromHours(1), CacheValidator = CacheValidator.AllParameters, ResultHandler = ResultHandlers.AzureBlob(container) });
        flow.Task("shout", (string value) => value + "!", fetch, new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });
        return flow.Build();
    }

    private static async Task<string> RunAsync(RedeployableCluster cluster, string tag)
    {
        var runId = TributaryClusterFixture.NewRunId();
        var parameters = ImmutableDictionary<string, string>.Empty.Add("tag", $"\"{tag}\"");
        var deadline = DateTime.UtcNow + TributaryClusterFixture.Patience;
        while (true)
        {
            try
            {
                // A start under one run id is idempotent: after a redeploy the client may first reach the stopped
                // silo's gateway, so the start is asked again until the new silo answers.
                await cluster.FlowRun(runId).StartAsync(Flow, parameters);
                break;
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException && DateTime.UtcNow < deadline)
            {
            }
        }

        var final = await cluster.WaitForFlowAsync(runId);
        Assert.True(final.Status == FlowRunStatus.Success, $"Run {runId} ended {final.Status}: {final.Message}");
        return runId;
    }
}
