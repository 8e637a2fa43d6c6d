using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Diagnostics;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Diagnostics;

/// <summary>The engine reports attempts, their outcomes, handler writes and output sizes on the <c>Tributary</c> meter.</summary>
public sealed class TributaryTelemetryTests
{
    [Fact]
    public async Task Run_WithARetryAndACheckpoint_MetersAttemptsByOutcomeStoresAndOutputSizes()
    {
        using var results = new TempDirectory();
        var flowName = $"metered-{Guid.NewGuid():N}";
        var attempts = new ConcurrentBag<(string Task, string Outcome)>();
        var stores = new ConcurrentBag<string>();
        var sizes = new ConcurrentBag<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TributaryTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            if (instrument.Name == TributaryTelemetry.Attempts.Name && tagged.GetValueOrDefault("flow") == flowName)
            {
                attempts.Add((tagged["task"]!, tagged["outcome"]!));
            }
            else if (instrument.Name == TributaryTelemetry.OutputSize.Name && tagged.GetValueOrDefault("flow") == flowName)
            {
                sizes.Add(value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            if (instrument.Name == TributaryTelemetry.StoreDuration.Name)
            {
                stores.Add(tags.ToArray().Single(t => t.Key == "handler").Value!.ToString()!);
            }
        });
        listener.Start();

        var flow = new FlowBuilder(flowName);
        var a = flow.Task("a", () => new string('x', 100), new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Local(results.Path) });
        flow.Task("b", (string text, TaskRunContext context) => context.Attempt == 1 ? throw new InvalidOperationException("once") : text.Length,
                new TaskOptions { MaxRetries = 1 })
            .WithInput("text", a);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:ResultHandler:Settings:directory"] = results.Path })
            .Build();
        await using (var client = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(flow.Build()), configuration))
        {
            var runId = await client.StartFlowRunAsync(flowName);
            var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(30));
            Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        }

        listener.RecordObservableInstruments();
        Assert.Equal(
            [("a", "Success"), ("b", "Retrying"), ("b", "Success")],
            attempts.OrderBy(x => x.Task).ThenBy(x => x.Outcome == "Success").ToArray());
        Assert.Contains(LocalResultHandler.Kind, stores);
        Assert.Contains(102L, sizes); // a's 100 characters as a JSON string, fetched by b
    }
}
