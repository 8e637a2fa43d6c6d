using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Cli;
using Tributary.Options;

namespace Tributary.Cli.Commands;

/// <summary>Options every command shares: where the cluster is.</summary>
public class ClusterSettings : CommandSettings
{
    /// <summary>An Azure Storage connection string of a running cluster; without it, <c>run</c> starts an embedded silo.</summary>
    [CommandOption("--cluster <CONNECTION_STRING>")]
    [Description("Azure Storage connection string of a running cluster (membership, state, blobs). Without it, 'run' uses an embedded silo.")]
    public string? Cluster { get; init; }

    /// <summary>How long to look for a live gateway of the cluster, in seconds; <c>Tributary:Client:ConnectTimeout</c> (10 s) by default.</summary>
    [CommandOption("--connect-timeout <SECONDS>")]
    [Description("With --cluster: how long to look for a live gateway before giving up (exit code 5). Default 10, or Tributary:Client:ConnectTimeout.")]
    public int? ConnectTimeoutSeconds { get; init; }

    /// <summary>Builds the configuration: appsettings.json, TRIBUTARY environment variables, then <see cref="Cluster"/>.</summary>
    public IConfiguration BuildConfiguration()
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (string.IsNullOrWhiteSpace(Cluster))
        {
            return builder.Build();
        }

        var configured = builder.Build();
        var overrides = new Dictionary<string, string?>
        {
            [$"{ClusterHostingOptions.SectionName}:Mode"] = nameof(ClusterMode.AzureStorage),
            [$"{ClusterHostingOptions.SectionName}:ConnectionString"] = Cluster,
        };
        if (ConnectTimeoutSeconds is { } seconds)
        {
            overrides[$"{TributaryClientOptions.SectionName}:{nameof(TributaryClientOptions.ConnectTimeout)}"] = seconds > 0
                ? TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture)
                : throw new ArgumentException("--connect-timeout must be a positive number of seconds.", nameof(ConnectTimeoutSeconds));
        }

        // The cluster's account reads result blobs too, unless the blob handler has a credential of its own (a SAS
        // connection string or a container URI, which must not be paired with a second one).
        if (string.IsNullOrWhiteSpace(configured["Tributary:AzureBlob:ConnectionString"])
            && string.IsNullOrWhiteSpace(configured["Tributary:AzureBlob:ContainerUri"]))
        {
            overrides["Tributary:AzureBlob:ConnectionString"] = Cluster;
        }

        return builder.AddInMemoryCollection(overrides).Build();
    }
}
