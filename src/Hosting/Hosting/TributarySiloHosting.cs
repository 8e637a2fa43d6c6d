using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Tributary.Client;
using Tributary.Handlers;
using Tributary.Handlers.AzureBlob.Hosting;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Handlers.GoogleCloudStorage.Hosting;
using Tributary.Handlers.GoogleCloudStorage.Options;
using Tributary.Handlers.S3.Hosting;
using Tributary.Handlers.S3.Options;
using Tributary.Handlers.Encryption;
using Tributary.Options;
using Tributary.Runs;

namespace Tributary.Hosting;

/// <summary>Configures a silo's clustering, grain storage, reminders and result handlers from configuration.</summary>
public static class TributarySiloHosting
{
    /// <summary>
    /// Applies <c>Tributary:Cluster</c> (embedded by default, or Azure Storage, with TLS when <c>Tributary:Cluster:Tls</c>
    /// sets a certificate) and registers the Azure Blob result
    /// handler when <c>Tributary:AzureBlob:ConnectionString</c> or <c>Tributary:AzureBlob:ContainerUri</c> is set, and the S3
    /// result handler when <c>Tributary:S3:Bucket</c> is set.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <exception cref="ArgumentException">The configuration is invalid; the message names the key.</exception>
    public static ISiloBuilder UseTributaryHosting(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = ReadClusterOptions(configuration);
        if (cluster.Mode == ClusterMode.Embedded)
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }
        else
        {
            silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = cluster.ClusterId;
                    options.ServiceId = cluster.ServiceId;
                })
                .ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false)
                .UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(cluster.ConnectionString))
                .UseTributaryMembership(configuration)
                // Silo to silo and client to gateway, when Tributary:Cluster:Tls:CertificatePath is set. An embedded silo
                // listens on the loopback address only, for clients of this machine: it never uses TLS.
                .UseTributaryTls(configuration);
            if (cluster.Kubernetes)
            {
                silo.UseKubernetesHosting();
            }
        }

        return silo.UseTributaryStorage(configuration);
    }

    /// <summary>
    /// Adds the grain storage (named <see cref="TributaryStorage.Name"/>), the reminder service, the configured result
    /// handlers and <see cref="ITributaryClient"/> (over the silo's own cluster client), without touching clustering (for hosts that set clustering up themselves, such as test clusters).
    /// State is written with Orleans' own version-tolerant serializer, which writes only the members marked <c>[Id]</c>.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="configuration">The host's configuration (<c>Tributary:Cluster</c>, <c>Tributary:AzureBlob</c>).</param>
    /// <exception cref="ArgumentException">The configuration is invalid; the message names the key.</exception>
    public static ISiloBuilder UseTributaryStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = ReadClusterOptions(configuration);
        if (cluster.Mode == ClusterMode.Embedded)
        {
            silo.AddMemoryGrainStorage(TributaryStorage.Name).UseInMemoryReminderService();
            // In-memory state dies with the process, so storing attempts as running protects nothing here, and a
            // success may be reported while its (in-memory) write is in flight: unless configured, skip and overlap.
            if (configuration[$"{TributaryOptions.SectionName}:{nameof(TributaryOptions.StoreRunningAttempts)}"] is null)
            {
                silo.Services.PostConfigure<TributaryOptions>(options => options.StoreRunningAttempts = false);
            }

            if (configuration[$"{TributaryOptions.SectionName}:{nameof(TributaryOptions.ReportBeforeStored)}"] is null)
            {
                silo.Services.PostConfigure<TributaryOptions>(options => options.ReportBeforeStored = true);
            }

            silo.Services.AddOptions<MemoryGrainStorageOptions>(TributaryStorage.Name)
                .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        }
        else
        {
            var tables = new TableServiceClient(cluster.ConnectionString);
            // A cleared record is deleted, not kept empty: spilled pages a state no longer names leave nothing behind.
            silo.AddAzureTableGrainStorage(TributaryStorage.Name, options =>
                {
                    options.TableServiceClient = tables;
                    options.DeleteStateOnClear = true;
                })
                .UseAzureTableReminderService(options => options.TableServiceClient = tables);
            silo.Services.AddOptions<AzureTableStorageOptions>(TributaryStorage.Name)
                .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
            // Cache digests must match across silos and restarts: a cached task that compares values needs a configured key.
            silo.Services.PostConfigure<CacheOptions>(options => options.RequireDigestKey = true);
        }

        silo.Services.AddConfiguredResultHandlers(configuration);
        // Code hosted with the silo (a web app beside it, say) injects the client interface as any application does.
        silo.Services.TryAddSingleton(provider => new TributaryClient(
            provider.GetRequiredService<IClusterClient>(), provider.GetRequiredService<IResultHandlerCatalog>()));
        silo.Services.TryAddSingleton<ITributaryClient>(provider => provider.GetRequiredService<TributaryClient>());
        return silo;
    }

    private static ClusterHostingOptions ReadClusterOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var cluster = configuration.GetSection(ClusterHostingOptions.SectionName).Get<ClusterHostingOptions>() ?? new ClusterHostingOptions();
        cluster.Validate();
        return cluster;
    }

    /// <summary>
    /// Registers the result handler kinds that configuration enables (Azure Blob when its connection string or its
    /// container URI is set, S3 when <c>Tributary:S3:Bucket</c> is set, Google Cloud Storage when <c>Tributary:Gcs:Bucket</c>
    /// is set, the encrypting handler when <c>Tributary:Encryption</c> is set).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    public static IServiceCollection AddConfiguredResultHandlers(this IServiceCollection services, IConfiguration configuration)
    {
        var blob = configuration.GetSection(AzureBlobResultHandlerOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(blob[nameof(AzureBlobResultHandlerOptions.ConnectionString)])
            || !string.IsNullOrWhiteSpace(blob[nameof(AzureBlobResultHandlerOptions.ContainerUri)]))
        {
            services.AddAzureBlobResultHandler(blob.Bind);
        }

        var s3 = configuration.GetSection(S3ResultHandlerOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(s3[nameof(S3ResultHandlerOptions.Bucket)]))
        {
            services.AddS3ResultHandler(s3.Bind);
        }

        var gcs = configuration.GetSection(GcsResultHandlerOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(gcs[nameof(GcsResultHandlerOptions.Bucket)]))
        {
            services.AddGcsResultHandler(gcs.Bind);
        }

        // The encrypting handler, with the host's key ring, whenever a key ring is configured.
        var encryption = configuration.GetSection(EncryptionOptions.SectionName);
        if (encryption.Exists())
        {
            services.AddEncryptedResultHandler(encryption.Bind);
        }

        return services;
    }
}
