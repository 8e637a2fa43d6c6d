using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>With <c>Tributary:RecordErrorMessages</c> off, an exception message (which may hold data) stays out of the state.</summary>
public sealed class ErrorMessageRecordingTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FailedTask_RecordErrorMessagesSetting_DecidesWhetherTheMessageReachesTheState(bool record)
    {
        using var results = new TempDirectory();
        var canary = $"secret-{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:ResultHandler:Settings:directory"] = results.Path,
            ["Tributary:RecordErrorMessages"] = record ? "true" : "false",
        }).Build();
        var flow = new FlowBuilder("leaky");
        var input = flow.Parameter<string>("input");
        flow.Task("fail", (string input) => input.Length > 0 ? throw new InvalidOperationException($"bad row {input}") : 0, input);

        await using var client = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(flow.Build()), configuration);
        var runId = await client.StartFlowRunAsync("leaky", new Dictionary<string, object?> { ["input"] = canary });
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(30));

        var task = Assert.Single(final.Tasks);
        Assert.Equal(TaskRunStatus.Failed, task.Status);
        Assert.Contains(nameof(InvalidOperationException), task.Message);
        Assert.Equal(record, task.Message!.Contains(canary, StringComparison.Ordinal));
    }
}
