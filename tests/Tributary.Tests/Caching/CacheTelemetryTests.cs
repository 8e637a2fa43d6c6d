using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tributary.Caching;
using Tributary.Client;
using Tributary.Diagnostics;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Caching;

/// <summary>
/// On an embedded silo (no digest key configured: it uses a random one of its own), a cached task hits within the
/// process, and cache checks are metered by outcome on the engine's meter.
/// </summary>
public sealed class CacheTelemetryTests
{
    [Fact]
    public async Task Run_MissHitThenRefresh_MetersEachLookupByOutcome()
    {
        using var results = new TempDirectory();
        await using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = metrics.GetRequiredService<IMeterFactory>();
        using var lookups = new MetricCollector<long>(meterFactory, TributaryTelemetry.Name, CacheTelemetry.LookupsName);
        var executions = 0;
        var flowName = $"cached-{Guid.NewGuid():N}";
        var flow = new FlowBuilder(flowName);
        var n = flow.Parameter<int>("n");
        flow.Task(
            "square",
            (int n) =>
            {
                Interlocked.Increment(ref executions);
                return n * n;
            },
            n,
            new TaskOptions { CacheFor = TimeSpan.FromHours(1), CacheValidator = CacheValidator.AllInputs, ResultHandler = ResultHandlers.Local(results.Path) });
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:ResultHandler:Settings:directory"] = results.Path })
            .Build();
        var statuses = new List<TaskRunStatus>();
        await using (var client = await TributaryClientFactory.StartEmbeddedAsync(
            t => t.AddFlow(flow.Build()).Services.AddSingleton(meterFactory), configuration))
        {
            foreach (var refresh in new[] { false, false, true })
            {
                var runId = await client.StartFlowRunWithJsonAsync(flowName, new Dictionary<string, string> { ["n"] = "7" }, null, new FlowRunOptions { RefreshCache = refresh });
                var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(30));
                Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
                statuses.Add(final.Tasks.Single().Status);
            }

            await lookups.WaitForMeasurementsAsync(3, TimeSpan.FromSeconds(30));
            Assert.Equal(2, (await client.ListCacheEntriesAsync($"{flowName}/square")).Count); // the first run's and the refresh's
        }

        Assert.Equal(2, executions);
        Assert.All(statuses, status => Assert.Equal(TaskRunStatus.Cached, status));
        Assert.Equal(["miss", "hit", "refresh"], lookups.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!));
        Assert.All(lookups.GetMeasurementSnapshot(), m => Assert.Equal($"{flowName}/square", m.Tags["key"]));
    }
}
