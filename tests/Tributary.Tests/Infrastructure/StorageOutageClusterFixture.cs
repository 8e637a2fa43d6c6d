using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.TestingHost;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Hosting;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// A single-silo in-process cluster of its own whose storage (grain state, reminders and the Azure Blob result handler)
/// reaches the run's shared Azurite through <see cref="OutageProxy"/>s, so that a test can take storage away and give it
/// back while a run is in flight without disturbing any other test.
/// </summary>
/// <remarks>
/// Configured as <see cref="TributaryClusterFixture"/> is (Azure Storage mode, short response timeouts, a 1 s progress
/// check) except that <c>Tributary:StorageRetry</c> keeps its defaults: riding out an outage is what is tested.
/// </remarks>
public sealed partial class StorageOutageClusterFixture : IAsyncLifetime
{
    private ServiceProvider? _clientServices;
    private InProcessTestCluster? _cluster;
    private OutageProxy? _blobProxy;
    private OutageProxy? _tableProxy;

    /// <summary>The blob container the flows' Azure Blob handler writes to.</summary>
    public string Container { get; } = $"tributary-outage-{Guid.NewGuid():N}";

    /// <summary>The cluster's client.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>Handlers built from the silo's configuration, to read checkpoints back (through the proxies).</summary>
    public IResultHandlerCatalog Handlers { get; private set; } = null!;

    /// <summary>What the silo logged at warning level or above.</summary>
    public LogRecorder Log { get; } = new();

    /// <summary>The proxy in front of Azurite's blob service.</summary>
    public OutageProxy BlobProxy => _blobProxy ?? throw NotStarted();

    /// <summary>The proxy in front of Azurite's table service (grain state and reminders).</summary>
    public OutageProxy TableProxy => _tableProxy ?? throw NotStarted();

    private InProcessTestCluster Cluster => _cluster ?? throw NotStarted();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes storage away: every open connection to it is dropped and every new one reset.</summary>
    public void BeginOutage()
    {
        BlobProxy.BeginOutage();
        TableProxy.BeginOutage();
    }

    /// <summary>Gives storage back.</summary>
    public void EndOutage()
    {
        BlobProxy.EndOutage();
        TableProxy.EndOutage();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            _blobProxy?.EndOutage();
            _tableProxy?.EndOutage();
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
            _cluster = null;
        }

        if (_clientServices is not null)
        {
            await _clientServices.DisposeAsync();
            _clientServices = null;
        }

        if (_blobProxy is not null)
        {
            await _blobProxy.DisposeAsync();
            _blobProxy = null;
        }

        if (_tableProxy is not null)
        {
            await _tableProxy.DisposeAsync();
            _tableProxy = null;
        }
    }

    private async Task StartAsync()
    {
        var azurite = await AzuriteServer.Shared;
        _blobProxy = new OutageProxy(azurite.BlobPort);
        _tableProxy = new OutageProxy(azurite.TablePort);
        var connectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{_blobProxy.Port}/{AzuriteServer.AccountName};" +
            $"QueueEndpoint={azurite.QueueEndpoint};" +
            $"TableEndpoint=http://127.0.0.1:{_tableProxy.Port}/{AzuriteServer.AccountName};";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:Cluster:Mode"] = "AzureStorage",
            ["Tributary:Cluster:ConnectionString"] = connectionString,
            ["Tributary:AzureBlob:ConnectionString"] = connectionString,
            // The blob client's own retries (5 by default, about 25 s in all) would ride out a 12 s outage by themselves
            // and hide whether the engine does; with one, as the handler's options advise where an outage must be noticed
            // sooner, a checkpoint write fails within the outage unless Tributary:StorageRetry tries it again. (The
            // table client that grain state and reminders use keeps its defaults: 3 retries, about 6 s.)
            ["Tributary:AzureBlob:ClientOptions:Retry:MaxRetries"] = "1",
            ["Tributary:ProgressCheckInterval"] = "00:00:01",
        }).Build();
        _clientServices = new ServiceCollection().AddResultHandlerCatalog().AddConfiguredResultHandlers(configuration).BuildServiceProvider();
        Handlers = _clientServices.GetRequiredService<IResultHandlerCatalog>();

        IReadOnlyList<FlowDefinition> flows = [.. Runs.StorageOutageTests.DefineFlows(Container)];
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddConfiguration(configuration);
            host.Logging.AddProvider(Log);
        });
        builder.ConfigureSilo((_, silo) => silo
            .UseTributaryStorage(configuration)
            .AddTributary(tributary =>
            {
                foreach (var flow in flows)
                {
                    tributary.AddFlow(flow);
                }
            })
            .Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TributaryClusterFixture.ResponseTimeout));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TributaryClusterFixture.ResponseTimeout));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    private static InvalidOperationException NotStarted() => new("The storage-outage cluster is not started.");
}
