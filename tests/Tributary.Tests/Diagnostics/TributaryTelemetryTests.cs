using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tributary.Client;
using Tributary.Diagnostics;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Diagnostics;

/// <summary>
/// The engine reports attempts, their outcomes, handler writes and output sizes on the <c>Tributary</c> meter, made by
/// the silo's <see cref="IMeterFactory"/>.
/// </summary>
public sealed class TributaryTelemetryTests
{
    [Fact]
    public async Task Run_WithARetryAndACheckpoint_MetersAttemptsByOutcomeStoresAndOutputSizes()
    {
        using var results = new TempDirectory();
        // The silo takes this factory, so the collectors see this silo's measurements and no other's.
        await using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = metrics.GetRequiredService<IMeterFactory>();
        using var attempts = new MetricCollector<long>(meterFactory, TributaryTelemetry.Name, TributaryTelemetry.AttemptsName);
        using var durations = new MetricCollector<double>(meterFactory, TributaryTelemetry.Name, TributaryTelemetry.AttemptDurationName);
        using var stores = new MetricCollector<double>(meterFactory, TributaryTelemetry.Name, TributaryTelemetry.StoreDurationName);
        using var sizes = new MetricCollector<long>(meterFactory, TributaryTelemetry.Name, TributaryTelemetry.OutputSizeName);

        var flowName = $"metered-{Guid.NewGuid():N}";
        var flow = new FlowBuilder(flowName);
        var a = flow.Task("a", () => new string('x', 100), new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Local(results.Path) });
        flow.Task("b", (string text, TaskRunContext context) => context.Attempt == 1 ? throw new InvalidOperationException("once") : text.Length,
                new TaskOptions { MaxRetries = 1 })
            .WithInput("text", a);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:ResultHandler:Settings:directory"] = results.Path })
            .Build();
        await using (var client = await TributaryClientFactory.StartEmbeddedAsync(
            t => t.AddFlow(flow.Build()).Services.AddSingleton(meterFactory), configuration))
        {
            var runId = await client.StartFlowRunAsync(flowName);
            var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(30));
            Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
            // An attempt is metered once it has ended, which may be just after the run's end is reported.
            await attempts.WaitForMeasurementsAsync(3, TimeSpan.FromSeconds(30));
        }

        Assert.Equal(
            [("a", "Success"), ("b", "Retrying"), ("b", "Success")],
            attempts.GetMeasurementSnapshot()
                .Select(m => (Task: (string)m.Tags["task"]!, Outcome: (string)m.Tags["outcome"]!))
                .OrderBy(x => x.Task).ThenBy(x => x.Outcome == "Success").ToArray());
        Assert.All(attempts.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
        Assert.All(attempts.GetMeasurementSnapshot(), m => Assert.Equal(flowName, m.Tags["flow"]));
        Assert.Equal(3, durations.GetMeasurementSnapshot().Count);
        Assert.Contains(stores.GetMeasurementSnapshot(), m => (string?)m.Tags["handler"] == LocalResultHandler.Kind);
        Assert.Contains(sizes.GetMeasurementSnapshot(), m => m.Value == 102 && (string?)m.Tags["task"] == "a"); // 100 characters as a JSON string, fetched by b
    }

    [Fact]
    public async Task Create_FromAMeterFactory_TheMeterIsTheFactorys()
    {
        await using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = metrics.GetRequiredService<IMeterFactory>();

        var telemetry = new TributaryTelemetry(meterFactory);

        Assert.Same(meterFactory, telemetry.Meter.Scope);
        Assert.Equal(TributaryTelemetry.Name, telemetry.Meter.Name);
        Assert.Equal(TributaryTelemetry.AttemptsName, telemetry.Attempts.Name);
    }
}
