using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Tributary.Handlers;
using Tributary.Hosting;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// One in-process Orleans cluster of two silos for the whole test run, as a deployment would have it: grain state and
/// reminders in Azure Table storage (the run's shared Azurite), the Azure Blob result handler with a SAS connection
/// string (<see cref="BlobSas"/>), a temporary directory for the local handler (also the configured global default),
/// and every engine test flow registered on every silo.
/// </summary>
/// <remarks>
/// Tuned for tests: a 1 s progress check, a short response timeout (a call to a killed silo fails fast) and quick
/// failure detection, so a test that kills a silo sees the cluster recover within seconds.
/// </remarks>
public sealed partial class TributaryClusterFixture : IAsyncLifetime
{
    /// <summary>How long a grain call may take before it fails; far below Orleans' 30 s default.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    private TempDirectory? _root;
    private InProcessTestCluster? _cluster;
    private ServiceProvider? _clientServices;

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster => _cluster ?? throw NotStarted();

    /// <summary>The cluster's client.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>Where the handlers of the test flows write.</summary>
    public Locations Storage { get; private set; } = null!;

    /// <summary>The configuration every silo gets (the <c>Tributary</c> section).</summary>
    public IConfiguration Configuration { get; private set; } = null!;

    /// <summary>Handlers as a client builds them from the same configuration, to read results back in tests.</summary>
    public IResultHandlerCatalog Handlers { get; private set; } = null!;

    /// <summary>
    /// The account SAS (made at start, signed with the account key) in the <c>azure-blob</c> handler's connection
    /// string: the only credential the cluster's blob handler has.
    /// </summary>
    public string BlobSas { get; private set; } = null!;

    /// <summary>The Azurite account's blob service (with the account key, for scans and checks).</summary>
    public BlobServiceClient Blobs { get; private set; } = null!;

    /// <summary>The Azurite account's table service (grain state and reminders live there).</summary>
    public TableServiceClient Tables { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var azurite = await AzuriteServer.Shared;
        _root = new TempDirectory();
        Storage = new Locations(_root.Path, $"tributary-results-{Guid.NewGuid():N}");
        BlobSas = AzuriteSas.Account(lifetime: TimeSpan.FromHours(12));
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(azurite, BlobSas, Storage)).Build();
        _clientServices = new ServiceCollection().AddResultHandlerCatalog().AddConfiguredResultHandlers(Configuration).BuildServiceProvider();
        Handlers = _clientServices.GetRequiredService<IResultHandlerCatalog>();
        Blobs = new BlobServiceClient(azurite.ConnectionString);
        Tables = new TableServiceClient(azurite.ConnectionString);

        var flows = DefineFlows(Storage);
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddConfiguration(Configuration));
        builder.ConfigureSilo((_, silo) => silo
            .UseTributaryStorage(Configuration)
            .ConfigureServices(services => FaultInjectingGrainStorage.Decorate(services, global::Tributary.Runs.TributaryStorage.Name))
            .AddTributary(tributary =>
            {
                foreach (var flow in flows)
                {
                    tributary.AddFlow(flow);
                }

                // A user's own handler kind, as an application would register it.
                tributary.Services.AddResultHandler(
                    Runs.UserHandlerTests.KeyValueResultHandler.Kind, (_, _) => new Runs.UserHandlerTests.KeyValueResultHandler());
                tributary.Services.AddResultHandler(RefusingResultHandler.Kind, (_, _) => new RefusingResultHandler());
                tributary.Services.AddResultHandler(GatedResultHandler.Kind, (_, _) => new GatedResultHandler());
                // Services the tasks written as classes take.
                Runs.ServiceTaskTests.AddServices(tributary.Services);
            })
            .Configure<SiloMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout)
            .Configure<ClusterMembershipOptions>(options =>
            {
                // A killed silo is declared dead after two missed 1 s probes; one vote suffices with two silos.
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
                options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            }));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout));
        // The test cluster picks its ports by checking they are free, then binds them: should another process take one
        // in between, the deployment fails with "address in use" and is tried again on new ports.
        for (var attempt = 1; ; attempt++)
        {
            _cluster = builder.Build();
            try
            {
                await _cluster.DeployAsync();
                return;
            }
            catch (Exception ex) when (attempt < 3 && SocketErrors.IsAddressInUse(ex))
            {
                await _cluster.DisposeAsync();
            }
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }

        if (_clientServices is not null)
        {
            await _clientServices.DisposeAsync();
        }

        _root?.Dispose();
    }

    // The blob handler gets a SAS connection string, as a deployment that hands out SAS tokens would: no safe value,
    // state or snapshot may carry its signature (see CanaryTests). State and reminders use the account key.
    private static Dictionary<string, string?> Settings(AzuriteServer azurite, string blobSas, Locations storage) => new()
    {
        ["Tributary:Cluster:Mode"] = "AzureStorage",
        ["Tributary:Cluster:ConnectionString"] = azurite.ConnectionString,
        ["Tributary:AzureBlob:ConnectionString"] = AzuriteSas.ConnectionString(azurite, blobSas),
        ["Tributary:ResultHandler:Kind"] = LocalResultHandler.Kind,
        ["Tributary:ResultHandler:Settings:directory"] = storage.GlobalDirectory,
        ["Tributary:Checkpointing"] = "false",
        ["Tributary:ProgressCheckInterval"] = "00:00:01",
        ["Tributary:ShutdownDrainTimeout"] = "00:00:10",
        ["Tributary:Cache:DigestKey"] = Caching.CacheRunTests.DigestKey,
        [$"Tributary:Secrets:{States.SecretCanaryTests.SecretName}"] = States.SecretCanaryTests.Canary,
    };

    private static InvalidOperationException NotStarted() => new("The cluster fixture is not initialized yet.");

    /// <summary>Where the test flows' handlers write: a temporary directory and a blob container of their own.</summary>
    /// <param name="Root">The temporary directory; one subdirectory per use.</param>
    /// <param name="Container">The blob container of the <c>azure-blob</c> handler.</param>
    public sealed record Locations(string Root, string Container)
    {
        /// <summary>The configured global default handler's directory.</summary>
        public string GlobalDirectory => Directory("global");

        /// <summary>A subdirectory of <see cref="Root"/> for one flow or task (not created: the handler creates it).</summary>
        /// <param name="name">Its name.</param>
        public string Directory(string name) => Path.Combine(Root, name);
    }
}
