using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Hosting;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Client;

/// <summary>
/// The SDK on its own against a running cluster (one silo in this process with Azure Storage membership and state on the
/// shared Azurite, reached through its gateway): <c>AddTributaryClient</c> with Orleans' configuration-based static
/// clustering, typed reads, and a console app that references nothing but the SDK project.
/// </summary>
public sealed partial class LightClientTests(LightClientTests.Cluster cluster) : IClassFixture<LightClientTests.Cluster>
{
    [Fact]
    public async Task GetResultAsync_NodesOfTheRunsFlow_GiveTheTasksOutputsTyped()
    {
        var sums = new SumFlow();
        var client = cluster.Client;
        var run = client.GetFlowRunHandle(
            await client.StartFlowRunAsync(SumFlow.Name, new Dictionary<string, object?> { ["a"] = 40, ["b"] = 2 }));

        var final = await run.WaitAsync(TimeSpan.FromSeconds(60));
        int total = await run.GetResultAsync(sums.Total);
        string text = await run.GetResultAsync(sums.Describe);

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        Assert.Equal(42, total);
        Assert.Equal("the total is 42", text);
        Assert.Equal(42, (await run.ReadResultAsync<int>("total")).Value); // the name-based read, beside it
    }

    [Fact]
    public async Task GetResultAsync_NodeOfAnotherFlow_ThrowsArgumentExceptionNamingBothFlows()
    {
        var other = new FlowBuilder("some-other-flow");
        var total = other.Task("total", () => 1);
        var client = cluster.Client;
        var runId = await client.StartFlowRunAsync(SumFlow.Name, new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 });
        await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GetResultAsync(runId, total));

        Assert.Equal("task", error.ParamName);
        Assert.Contains("'some-other-flow'", error.Message);
        Assert.Contains($"flow run '{runId}' is a run of flow '{SumFlow.Name}'", error.Message);
    }

    [Fact]
    public async Task GetResultAsync_UnknownRun_ThrowsArgumentExceptionNamingTheRun()
    {
        var error = await Assert.ThrowsAsync<FlowRunNotFoundException>(() => cluster.Client.GetResultAsync("no-such-run", new SumFlow().Total));

        Assert.Contains("There is no flow run 'no-such-run'", error.Message);
    }

    [Fact]
    public void AddTributaryClient_RegistersOneClientAsTheInterfaceAndTheClass()
    {
        Assert.Same(cluster.Services.GetRequiredService<TributaryClient>(), cluster.Services.GetRequiredService<ITributaryClient>());
    }

    [Fact]
    public async Task WaitForFlowRunAsync_Cancelled_EndsWithOperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => cluster.Client.WaitForFlowRunAsync("never-started", TimeSpan.FromMinutes(1), cancellationToken: cancel.Token));
    }

    /// <summary>
    /// One silo of an Azure Storage cluster in this process, registering <see cref="SumFlow"/>, with an open gateway;
    /// and a client host configured as an application configures it, with <c>Orleans:Clustering</c> naming that gateway.
    /// </summary>
    public sealed class Cluster : IAsyncLifetime
    {
        private readonly TempDirectory _results = new();
        private TributaryClient? _silo;
        private IHost? _clientHost;

        /// <summary>The cluster and service id (unique to this fixture).</summary>
        public string ClusterId { get; } = $"light-{Guid.NewGuid():N}";

        /// <summary>The silo's gateway.</summary>
        public string Gateway { get; private set; } = string.Empty;

        /// <summary>The client host's services.</summary>
        public IServiceProvider Services => _clientHost!.Services;

        /// <summary>The client, as the application's DI gives it.</summary>
        public ITributaryClient Client => Services.GetRequiredService<ITributaryClient>();

        /// <summary>The settings a client application needs to reach the silo: Orleans' own keys only.</summary>
        public IReadOnlyDictionary<string, string> ClientSettings => new Dictionary<string, string>
        {
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:ServiceId"] = ClusterId,
            ["Orleans:Clustering:ProviderType"] = "Static",
            ["Orleans:Clustering:Gateways:0"] = Gateway,
        };

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            var connectionString = (await AzuriteServer.Shared).ConnectionString;
            // Ports held (bound, not listening) until just before the silo binds them; should another process take one in
            // that gap, the start fails and is tried again with new ports.
            for (var attempt = 1; ; attempt++)
            {
                var (siloPort, gatewayPort) = HoldPorts();
                try
                {
                    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                    {
                        ["Tributary:Cluster:Mode"] = "AzureStorage",
                        ["Tributary:Cluster:ConnectionString"] = connectionString,
                        ["Tributary:Cluster:ClusterId"] = ClusterId,
                        ["Tributary:Cluster:ServiceId"] = ClusterId,
                        ["Tributary:Cluster:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
                        ["Tributary:Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
                        ["Tributary:ResultHandler:Settings:directory"] = _results.Path,
                    }).Build();
                    _silo = await TributaryClientFactory.StartSiloAsync(tributary => tributary.AddFlow(new SumFlow().Define()), configuration);
                    Gateway = $"127.0.0.1:{gatewayPort}";
                    break;
                }
                catch (Exception ex) when (attempt < 3 && SocketErrors.IsAddressInUse(ex))
                {
                    // taken in the gap: new ports
                }
            }

            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(ClientSettings.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)));
            builder.Services.AddTributaryClient(builder.Configuration);
            _clientHost = builder.Build();
            await _clientHost.StartAsync();
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_clientHost is not null)
            {
                await _clientHost.StopAsync();
                _clientHost.Dispose();
            }

            if (_silo is not null)
            {
                await _silo.DisposeAsync();
            }

            _results.Dispose();
        }

        private static (int Silo, int Gateway) HoldPorts()
        {
            using var silo = new ClosedPort();
            using var gateway = new ClosedPort();
            return (silo.Port, gateway.Port);
        }
    }
}
