using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Tributary.Client;
using Tributary.Handlers.AzureBlob.Hosting;
using Tributary.Hosting;
using Tributary.Tests.Flows;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Recovery;

/// <summary>
/// Three silo processes on loopback, clustered and storing state and checkpoints in the shared Azurite (a cluster id
/// of their own), loading the test flows, with an SDK client that knows every gateway. Its tests kill silos: each
/// needs two alive at its start and leaves at least one.
/// </summary>
public sealed class ProcessCluster : IAsyncLifetime
{
    /// <summary>How many silos it starts.</summary>
    public const int Size = 3;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly TempDirectory _working = new();
    private readonly List<SiloProcess> _silos = [];
    private IHost? _client;

    /// <summary>The file every task of the test flows appends its executions to.</summary>
    public string ExecutionLogPath => Path.Combine(_working.Path, "executions.log");

    /// <summary>The silos still running.</summary>
    public IReadOnlyList<SiloProcess> LiveSilos => _silos.Where(silo => silo.IsRunning).ToList();

    /// <summary>The SDK client.</summary>
    public ITributaryClient Client => Services.GetRequiredService<ITributaryClient>();

    /// <summary>The client's services (its Orleans client among them).</summary>
    public IServiceProvider Services => _client?.Services ?? throw new InvalidOperationException("The cluster is not started.");

    /// <summary>Every execution the log holds so far.</summary>
    public IReadOnlyList<Execution> Executions => Execution.ReadAll(ExecutionLogPath);

    public async Task InitializeAsync()
    {
        var azurite = await AzuriteServer.Shared;
        var clusterId = "crash-" + Guid.NewGuid().ToString("N")[..8];
        var settings = SiloSettings.AzureStorage(azurite.ConnectionString, clusterId, typeof(CrashChainFlow).Assembly.Location);
        settings[ExecutionLog.Variable] = ExecutionLogPath;
        // A minute, not 10 s: the flow runs' own polling must not be what picks a run up after a kill in these tests.
        settings["Tributary__ProgressCheckInterval"] = "00:01:00";

        // One after another: on two cores, three silos starting at once mostly wait on each other.
        for (var i = 0; i < Size; i++)
        {
            _silos.Add(await SiloProcess.StartAsync($"silo-{i}", _working.Path, settings, StartTimeout));
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddTributaryClient(client => client
            .UseStaticClustering(_silos.Select(silo => new IPEndPoint(IPAddress.Loopback, silo.GatewayPort)).ToArray())
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, clusterId)));
        builder.Services.AddAzureBlobResultHandler(options => options.ConnectionString = azurite.ConnectionString);
        _client = builder.Build();
        await _client.StartAsync();
    }

    /// <summary>The live silo that hosts <paramref name="grain"/>'s activation, as Orleans' management grain says.</summary>
    public async Task<SiloProcess> SiloHostingAsync(IAddressable grain)
    {
        var management = Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var address = await management.GetActivationAddress(grain);
        Assert.True(address is not null, $"{grain} has no activation.");
        return LiveSilos.Single(silo => silo.SiloPort == address.Endpoint.Port);
    }

    /// <summary>Every silo's output, for a failure message.</summary>
    public string Outputs() => string.Join("\n", _silos.Select(silo => $"--- {silo.Name} (pid {silo.Pid})\n{silo.Output}"));

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }

        await Task.WhenAll(_silos.Select(silo => silo.DisposeAsync().AsTask()));
        _working.Dispose();
    }
}
