using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Hosting;
using Tributary.States;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// A small cluster of its own, for a test that redeploys: one silo at a time, with state and reminders in Azure Table
/// storage on the shared Azurite (so they outlive a silo), whose flows the test chooses for each silo it starts.
/// </summary>
/// <remarks>Tuned like <see cref="TributaryClusterFixture"/>: a 1 s progress check and a short response timeout.</remarks>
public sealed class RedeployableCluster : IAsyncDisposable
{
    private readonly TempDirectory _results = new();
    private IReadOnlyList<FlowDefinition> _nextSiloFlows = [];
    private InProcessTestCluster? _cluster;

    /// <summary>The cluster's client.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>Settings added to (or replacing) the cluster's defaults, e.g. a blob handler or a cache digest key.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    private InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started.");

    /// <summary>Starts the cluster's first silo with <paramref name="flows"/> registered (in that order).</summary>
    public async Task StartAsync(params FlowDefinition[] flows)
    {
        var azurite = await AzuriteServer.Shared;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:Cluster:Mode"] = "AzureStorage",
            ["Tributary:Cluster:ConnectionString"] = azurite.ConnectionString,
            ["Tributary:ResultHandler:Kind"] = Tributary.Handlers.LocalResultHandler.Kind,
            ["Tributary:ResultHandler:Settings:directory"] = _results.Path,
            ["Tributary:ProgressCheckInterval"] = "00:00:01",
        }).AddInMemoryCollection(Settings).Build();
        _nextSiloFlows = flows;
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddConfiguration(configuration));
        builder.ConfigureSilo((_, silo) =>
        {
            // Each silo registers the flows chosen when it starts: a later silo is the redeployed code.
            var siloFlows = _nextSiloFlows;
            silo.UseTributaryStorage(configuration)
                .AddTributary(tributary =>
                {
                    foreach (var flow in siloFlows)
                    {
                        tributary.AddFlow(flow);
                    }
                })
                .Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TributaryClusterFixture.ResponseTimeout);
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TributaryClusterFixture.ResponseTimeout));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>
    /// Redeploys: starts a silo that registers <paramref name="flows"/>, then stops every older silo gracefully, so
    /// that grains activate on the new one from then on.
    /// </summary>
    public async Task RedeployAsync(params FlowDefinition[] flows)
    {
        var old = Cluster.Silos.ToArray();
        _nextSiloFlows = flows;
        await Cluster.StartAdditionalSiloAsync();
        foreach (var silo in old)
        {
            await Cluster.StopSiloAsync(silo);
        }
    }

    /// <summary>The flow-run grain of a run.</summary>
    public IFlowRunGrain FlowRun(string runId) => Client.GetGrain<IFlowRunGrain>(runId);

    /// <summary>The task-run grain of a task of a run.</summary>
    public ITaskRunGrain TaskRun(string runId, string taskName) => Client.GetGrain<ITaskRunGrain>(TaskRunKey.Of(runId, taskName));

    /// <summary>Waits until the run is final, riding over calls that fail while silos come and go.</summary>
    public async Task<FlowRunState> WaitForFlowAsync(string runId)
    {
        var deadline = Stopwatch.StartNew();
        FlowRunState? last = null;
        while (deadline.Elapsed < TributaryClusterFixture.Patience)
        {
            try
            {
                last = await FlowRun(runId).WaitAsync(TimeSpan.FromSeconds(2));
                if (last.Status.IsFinal())
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // A silo went away under the call: ask again.
            }
        }

        throw new TimeoutException($"Flow run {runId} is not final after {TributaryClusterFixture.Patience}: {last?.Status}.");
    }

    /// <summary>Polls a task-run state until <paramref name="condition"/> holds.</summary>
    public async Task<TaskRunState> WaitForTaskAsync(string runId, string taskName, Func<TaskRunState, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        TaskRunState? last = null;
        while (deadline.Elapsed < TributaryClusterFixture.Patience)
        {
            last = await TaskRun(runId, taskName).GetStateAsync();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25)); // a poll, not a synchronisation
        }

        throw new TimeoutException($"Task {taskName} of run {runId} did not reach the expected state; last: {last}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        _results.Dispose();
    }
}
