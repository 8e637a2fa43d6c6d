using System.Text.Json;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using Tributary.Tests.Runs;

namespace Tributary.Tests.States;

/// <summary>
/// A secret's value is a canary on real storage: the shared cluster's configuration holds <see cref="Canary"/> as the
/// secret <see cref="SecretName"/>; a run whose secret task feeds a checkpointed task that fails once (so its inputs are
/// cached for the retry) leaves the canary nowhere in Azure Table storage (grain state, reminders), in any blob, in the
/// snapshot or in any task's state; the secret's name is what they hold.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class SecretCanaryTests(TributaryClusterFixture cluster)
{
    /// <summary>The secret's name, configured on the shared cluster's silos.</summary>
    public const string SecretName = "canary-db-password";

    private const string Flow = "secret-canary";

    /// <summary>The secret's value: unique to this test process.</summary>
    public static string Canary { get; } = $"CANARY-SECRET-{Guid.NewGuid():N}";

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var flow = new FlowBuilder(Flow).WithResultHandler(ResultHandlers.AzureBlob(storage.Container));
        var password = flow.Secret(SecretName, new TaskOptions { Checkpoint = true });
        SecretConnectTask.Add(flow, password);
        yield return flow.Build();
    }

    [Fact]
    public async Task Run_SecretTaskFeedsRetriedTask_SecretValueNeverInStateStorageBlobsOrClientApi()
    {
        var runId = TributaryClusterFixture.NewRunId();
        await cluster.StartAsync(runId, Flow);

        var retried = await cluster.WaitForTaskAsync(runId, "connect", s => s.Attempt == 2);
        Assert.Equal($"\"{SecretName}\"", retried.CachedInputs["password"].Json);
        await AssertNoCanaryAsync(runId);

        TaskProbes.Gate(runId, "connect").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(Canary, TaskProbes.ReceivedBy(runId, "connect")); // the task got the value, from the silo's configuration
        var secret = await cluster.TaskRun(runId, SecretName).GetStateAsync();
        Assert.Equal($"\"{SecretName}\"", secret.Output!.Json);
        await AssertNoCanaryAsync(runId);
        // The scans read the stored states themselves, not only their keys: the secret's name is found inside one.
        var hits = await cluster.FindInTablesAsync($"\"{SecretName}\"");
        Assert.Contains(hits, hit => !hit.Contains("property PartitionKey", StringComparison.Ordinal)
                                     && !hit.Contains("property RowKey", StringComparison.Ordinal));
    }

    private async Task AssertNoCanaryAsync(string runId)
    {
        Assert.Empty(await cluster.FindInTablesAsync(Canary));
        Assert.Empty(await cluster.FindInBlobsAsync(_ => true, Canary));
        var snapshot = await cluster.FlowRun(runId).GetSnapshotAsync();
        Assert.DoesNotContain(Canary, JsonSerializer.Serialize(snapshot), StringComparison.Ordinal);
        foreach (var task in snapshot.Tasks)
        {
            Assert.DoesNotContain(Canary, JsonSerializer.Serialize(await cluster.TaskRun(runId, task.TaskName).GetStateAsync()), StringComparison.Ordinal);
        }
    }
}
