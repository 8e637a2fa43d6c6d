using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Examples;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Client;

/// <summary>The SDK with an embedded silo runs the ETL example end to end.</summary>
/// <remarks>
/// In the process-environment collection: the example's local handler takes its directory from
/// <c>TRIBUTARY_RESULTS_DIR</c> when the flow is defined, and the test points it at a temporary directory.
/// </remarks>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EmbeddedClientTests
{
    [Fact]
    public async Task StartEmbedded_EtlFlow_RunsToSuccessWithTransformRetriedAndLoadGivingTheSummary()
    {
        using var results = new TempDirectory();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:ResultHandler:Settings:directory"] = results.Path })
            .Build();
        TributaryClient client;
        using (new EnvironmentVariableScope(ResultHandlers.LocalDirectoryVariable, results.Path))
        {
            client = await TributaryClientFactory.StartEmbeddedAsync(typeof(EtlFlow).Assembly, configuration);
        }

        await using (client)
        {
            var runId = await client.StartFlowRunAsync(EtlFlow.Name, new Dictionary<string, object?> { ["rows"] = 4 });
            var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(60));
            var load = await client.ReadTaskResultAsync<string>(runId, "load");
            var unknown = await Assert.ThrowsAsync<UnknownFlowException>(() => client.StartFlowRunAsync("no-such-flow"));

            Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
            Assert.Equal("Loaded 4 orders worth 102.0 (largest from customer-1).", load.Value);
            Assert.Equal(ResultHandlers.Json, Assert.IsType<SafeResult>(load.SafeValue).Handler);
            var transform = final.Tasks.Single(t => t.TaskName == "transform");
            Assert.Equal((TaskRunStatus.Success, 2), (transform.Status, transform.Attempt));
            var extract = final.Tasks.Single(t => t.TaskName == "extract");
            Assert.Equal(ResultHandlers.Local(results.Path), extract.Output?.Handler); // checkpointed into the directory
            Assert.Contains("'no-such-flow'", unknown.Message);
            // What the client API returns can be written as JSON, and holds the safe values only.
            var json = JsonSerializer.Serialize(await client.GetFlowRunAsync(runId));
            Assert.Contains(runId, json);
            Assert.DoesNotContain("customer-", json.Replace(load.Value, string.Empty, StringComparison.Ordinal)); // extract's orders stay in their file
        }
    }
}
