using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Hosting;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A task that gathers many inputs fetches them, and caches them for its retry, at most <c>Tributary:InputConcurrency</c>
/// at a time, and still receives them in order. Each case starts its own embedded silo, since the shared cluster's
/// setting is fixed.
/// </summary>
public sealed class InputConcurrencyTests
{
    private const int Upstreams = 200;

    [Fact]
    public async Task Gather_TwoHundredInputsWithConcurrencyFour_KeepsAtMostFourReadsAndWritesInFlight()
    {
        var (reads, writes, values) = await RunFanInAsync(inputConcurrency: 4);

        Assert.Equal(string.Join(",", Enumerable.Range(0, Upstreams)), values); // in the inputs' order
        Assert.Equal(Upstreams, reads.Total);
        Assert.Equal(Upstreams, writes.Total);
        Assert.InRange(reads.Max, 1, 4);
        Assert.InRange(writes.Max, 1, 4);
    }

    [Fact]
    public async Task Gather_TwoHundredInputsWithConcurrencyAboveThem_PutsMoreThanFourInFlight()
    {
        // Shows the probes can see concurrency: without a bound that holds them back, the reads and writes overlap.
        var (reads, writes, values) = await RunFanInAsync(inputConcurrency: 1_000);

        Assert.Equal(string.Join(",", Enumerable.Range(0, Upstreams)), values);
        Assert.True(reads.Max > 4, $"at most {reads.Max} reads were in flight");
        Assert.True(writes.Max > 4, $"at most {writes.Max} writes were in flight");
    }

    // Runs 200 upstream tasks gathered by 'total', whose first attempt fails so that it caches its 200 inputs for the
    // retry through their producers' handler. Reads are 'total''s calls for its upstreams' outputs; writes its copies.
    private static async Task<(InFlightCounter Reads, InFlightCounter Writes, string Values)> RunFanInAsync(int inputConcurrency)
    {
        using var results = new TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:ResultHandler:Settings:directory"] = results.Path,
            ["Tributary:InputConcurrency"] = inputConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var handler = new InFlightResultHandler();
        var calls = new InFlightCallCounter("GetOutputOrReferenceAsync", callerKeySuffix: "/total");

        var flow = new FlowBuilder("input-concurrency");
        var upstreamOptions = new TaskOptions { ResultHandler = InFlightResultHandler.Descriptor };
        var upstreams = Enumerable.Range(0, Upstreams)
            .Select(i => flow.Task($"u{i:D3}", () => i, upstreamOptions))
            .ToArray();
        flow.Task(
            "total",
            (IReadOnlyList<int> values, TaskRunContext context) =>
                context.Attempt == 1 ? throw new InvalidOperationException("The first attempt fails, so the inputs are cached.") : string.Join(",", values),
            flow.Gather(upstreams),
            new TaskOptions { MaxRetries = 1, ResultHandler = ResultHandlers.Json });

        await using var client = await TributaryClientFactory.StartEmbeddedAsync(
            tributary =>
            {
                tributary.AddFlow(flow.Build());
                tributary.Services.AddResultHandler(InFlightResultHandler.Kind, (_, _) => handler);
                tributary.Silo.AddOutgoingGrainCallFilter(calls);
            },
            configuration);
        var runId = await client.StartFlowRunAsync("input-concurrency", new Dictionary<string, object?>());
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromMinutes(2));

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        var total = await client.ReadTaskResultAsync<string>(runId, "total");
        return (calls.Calls, handler.Writes, total.Value);
    }
}
