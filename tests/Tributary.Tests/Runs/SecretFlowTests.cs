using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// Secret tasks on an embedded silo whose configuration holds a canary secret: the task downstream gets the value, fails
/// once and retries from its cached inputs, both are checkpointed, and the canary is nowhere in what the run stored or
/// the SDK shows (states, snapshots, the results directory); a rotated secret reads as its new value; a missing secret
/// fails its task naming the secret and the configuration key.
/// </summary>
public sealed class SecretFlowTests
{
    private const string FlowName = "secret-connect";
    private const string MissingFlow = "secret-missing";
    private const string SecretName = "db-password";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FlowRun_SecretFeedsRetriedCheckpointedTask_CanaryNeverStoredOrShownAndRotationReadsNewValue()
    {
        using var results = new TempDirectory();
        var canary = $"CANARY-SECRET-{Guid.NewGuid():N}";
        var configuration = Configuration(results.Path, canary);
        var definition = DefineConnectFlow(results.Path, out var connect);
        await using var client = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(definition), configuration);

        var run = client.GetFlowRunHandle(await client.StartFlowRunAsync(FlowName));
        // connect's second attempt waits at its gate: its state is the retry's, with the inputs cached.
        var retrying = default(FlowRunSnapshot)!;
        await Poll.UntilAsync(
            async () => (retrying = await run.GetSnapshotAsync()).Tasks.Any(t => t.TaskName == "connect" && t.Attempt == 2 && t.CachedInputs.Count > 0),
            Deadline,
            "connect's second attempt, with its inputs cached");
        var cached = retrying.Tasks.Single(t => t.TaskName == "connect").CachedInputs["password"];
        Assert.Equal($"\"{SecretName}\"", cached.Json);
        Assert.Equal(SecretResultHandler.Describe(SecretName), cached.Handler);
        AssertNoCanary(canary, retrying, results.Path);

        TaskProbes.Gate(run.Id, "connect").TrySetResult();
        var final = await run.WaitAsync(Deadline);

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        Assert.Equal(canary, TaskProbes.ReceivedBy(run.Id, "connect")); // the task did get the value...
        Assert.Equal($"connected with {canary.Length} characters", await run.GetResultAsync(connect));
        var secret = final.Tasks.Single(t => t.TaskName == SecretName).Output!;
        Assert.Equal($"\"{SecretName}\"", secret.Json); // ...its checkpoint is the name, despite the flow's local handler
        Assert.Equal(SecretResultHandler.Describe(SecretName), secret.Handler);
        AssertNoCanary(canary, final, results.Path);
        // The scan of the results directory could find something: connect's checkpoint is there.
        Assert.Contains(Directory.GetFiles(results.Path, "*", SearchOption.AllDirectories),
            file => TributaryClusterFixture.Holds(File.ReadAllBytes(file), $"connected with {canary.Length} characters"));

        // Rotated: a later read of the stored checkpoint gives the new value, and so does a new run.
        configuration[$"Tributary:Secrets:{SecretName}"] = "rotated-value";
        var catalog = new ResultHandlerCatalog().Register(SecretResultHandler.Kind, d => SecretResultHandler.FromDescriptor(d, configuration));
        Assert.Equal("rotated-value", (await secret.ToResultAsync(catalog)).Value);
        var second = client.GetFlowRunHandle(await client.StartFlowRunAsync(FlowName));
        TaskProbes.Gate(second.Id, "connect").TrySetResult();
        Assert.Equal(FlowRunStatus.Success, (await second.WaitAsync(Deadline)).Flow.Status);
        Assert.Equal("connected with 13 characters", await second.GetResultAsync(connect));
    }

    [Fact]
    public async Task FlowRun_SecretNotConfigured_TaskFailsNamingSecretAndKey()
    {
        using var results = new TempDirectory();
        var flow = new FlowBuilder(MissingFlow);
        var password = flow.Secret("absent-secret");
        flow.Task("use", (string password) => password.Length, password);
        var definition = flow.Build();
        await using var client = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(definition), Configuration(results.Path, "unused"));

        var final = await client.GetFlowRunHandle(await client.StartFlowRunAsync(MissingFlow)).WaitAsync(Deadline);

        Assert.Equal(FlowRunStatus.Failed, final.Flow.Status);
        var message = final.Tasks.Single(t => t.TaskName == "absent-secret").Message;
        Assert.Contains("'absent-secret'", message, StringComparison.Ordinal);
        Assert.Contains("Tributary:Secrets:absent-secret", message, StringComparison.Ordinal);
    }

    private static IConfigurationRoot Configuration(string results, string secret) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Tributary:ResultHandler:Settings:directory"] = results,
                [$"Tributary:Secrets:{SecretName}"] = secret,
            })
            .Build();

    private static FlowDefinition DefineConnectFlow(string results, out TaskNode<string> connect)
    {
        // The flow's handler is the local one: the secret task's own handler wins over it.
        var flow = new FlowBuilder(FlowName).WithResultHandler(ResultHandlers.Local(results));
        var password = flow.Secret(SecretName, new TaskOptions { Checkpoint = true });
        connect = SecretConnectTask.Add(flow, password);
        return flow.Build();
    }

    private static void AssertNoCanary(string canary, FlowRunSnapshot snapshot, string results)
    {
        Assert.DoesNotContain(canary, JsonSerializer.Serialize(snapshot), StringComparison.Ordinal);
        Assert.DoesNotContain(canary, snapshot.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(results, "*", SearchOption.AllDirectories), file => TributaryClusterFixture.Holds(File.ReadAllBytes(file), canary));
    }
}
