using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Caching;

/// <summary>
/// Without <c>CacheVersion</c>, an entry made by other code still answers, with a warning naming its producer; a new
/// <c>CacheVersion</c> does not use it.
/// </summary>
public sealed class CacheCodeChangeTests
{
    [Fact]
    public async Task Run_EntryOfOtherCode_UsedWithAWarningUnlessTheVersionChanged()
    {
        using var results = new TempDirectory();
        var recorder = new LogRecorder(LogLevel.Warning);
        var key = $"shared-{Guid.NewGuid():N}";
        var options = new TaskOptions { CacheFor = TimeSpan.FromHours(1), CacheKey = key, ResultHandler = ResultHandlers.Json }; // its safe value is the value
        var old = new FlowBuilder("old-code");
        old.Task("compute", () => 1, options);
        var changed = new FlowBuilder("new-code");
        changed.Task("compute", () => 2, options);
        var bumped = new FlowBuilder("new-version");
        bumped.Task("compute", () => 3, options with { CacheVersion = "2" });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:ResultHandler:Settings:directory"] = results.Path })
            .Build();
        await using var client = await TributaryClientFactory.StartEmbeddedAsync(
            t => t.AddFlow(old.Build()).AddFlow(changed.Build()).AddFlow(bumped.Build()).Services.AddSingleton<ILoggerProvider>(recorder),
            configuration);

        var first = await RunAsync(client, "old-code");
        var second = await RunAsync(client, "new-code");
        var third = await RunAsync(client, "new-version");

        Assert.Equal(("1", "1", "3"), (first.Output?.Json, second.Output?.Json, third.Output?.Json)); // the old code's entry answered the new code
        Assert.StartsWith("Cache hit", second.Message);
        Assert.StartsWith("Ran;", third.Message);
        var warning = Assert.Single(recorder.Lines, line => line.Contains("with other code", StringComparison.Ordinal));
        Assert.Contains($"{first.FlowRunId}/compute", warning);
        Assert.Contains("bump TaskOptions.CacheVersion", warning);
        Assert.Equal(["2"], (await client.ListCacheEntriesAsync(key)).Select(entry => entry.Version)); // version 2 retired the others
    }

    private static async Task<TaskRunState> RunAsync(TributaryClient client, string flow)
    {
        var runId = await client.StartFlowRunAsync(flow);
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(30));
        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        return final.Tasks.Single();
    }
}
