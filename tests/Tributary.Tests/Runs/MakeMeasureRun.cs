using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Hosting;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A finished run of a two-task flow on an embedded silo: <c>make</c> returns a string of a given length, checkpointed
/// through a <see cref="CountingResultHandler"/>; <c>measure</c> takes it and returns its length. The handler's counts
/// tell how the value travelled.
/// </summary>
internal sealed class MakeMeasureRun : IAsyncDisposable
{
    private readonly TempDirectory _results;

    private MakeMeasureRun(TempDirectory results, TributaryClient client, CountingResultHandler handler, string runId)
    {
        _results = results;
        Client = client;
        Handler = handler;
        RunId = runId;
    }

    public TributaryClient Client { get; }

    public CountingResultHandler Handler { get; }

    public string RunId { get; }

    /// <summary>Runs the flow to success with <paramref name="settings"/> beside a results directory of its own.</summary>
    public static async Task<MakeMeasureRun> RunAsync(string flowName, int length, Dictionary<string, string?> settings)
    {
        var results = new TempDirectory();
        settings["Tributary:ResultHandler:Settings:directory"] = results.Path;
        var handler = new CountingResultHandler();
        var flow = new FlowBuilder(flowName);
        var made = flow.Task(
            "make", () => new string('x', length), new TaskOptions { Checkpoint = true, ResultHandler = handler.Descriptor });
        flow.Task("measure", (string text) => text.Length, made, new TaskOptions { ResultHandler = ResultHandlers.Json });

        var client = await TributaryClientFactory.StartEmbeddedAsync(
            tributary =>
            {
                tributary.AddFlow(flow.Build());
                tributary.Services.AddResultHandler(CountingResultHandler.Kind, (_, _) => handler);
            },
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var run = new MakeMeasureRun(results, client, handler, await client.StartFlowRunAsync(flowName, new Dictionary<string, object?>()));
        var final = await client.WaitForFlowRunAsync(run.RunId, TimeSpan.FromMinutes(1));
        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        _results.Dispose();
    }
}
