using System.ComponentModel;
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
