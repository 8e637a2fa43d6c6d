using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Tributary.Hosting;

namespace Tributary.Tests.Hosting;

/// <summary>The membership a silo of an Azure Storage cluster resolves: tuned for fast detection, overridable.</summary>
public sealed class TributaryMembershipHostingTests
{
    [Fact]
    public void AzureStorageSilo_ResolvesTunedMembershipOptions()
    {
        var options = ResolveMembership(new Dictionary<string, string?>());

        Assert.Equal(TimeSpan.FromSeconds(1), options.ProbeTimeout);
        Assert.Equal(3, options.NumMissedProbesLimit);
        Assert.Equal(2, options.NumVotesForDeathDeclaration);
        Assert.Equal(TimeSpan.FromSeconds(10), options.TableRefreshTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.DeathVoteExpirationTimeout);
    }

    [Fact]
    public void AzureStorageSilo_ConfigurationOverridesTunedMembershipOptions()
    {
        var options = ResolveMembership(new Dictionary<string, string?>
        {
            ["Tributary:Cluster:Membership:ProbeTimeout"] = "00:00:05",
            ["Tributary:Cluster:Membership:NumMissedProbesLimit"] = "4",
            ["Tributary:Cluster:Membership:NumVotesForDeathDeclaration"] = "1",
        });

        Assert.Equal(TimeSpan.FromSeconds(5), options.ProbeTimeout);
        Assert.Equal(4, options.NumMissedProbesLimit);
        Assert.Equal(1, options.NumVotesForDeathDeclaration);
        // Not overridden: still tuned.
        Assert.Equal(TimeSpan.FromSeconds(10), options.TableRefreshTimeout);
    }

    [Fact]
    public void EmbeddedSilo_KeepsOrleansMembershipDefaults()
    {
        var options = ResolveMembership(new Dictionary<string, string?> { ["Tributary:Cluster:Mode"] = "Embedded" });

        Assert.Equal(new ClusterMembershipOptions().ProbeTimeout, options.ProbeTimeout);
    }

    private static ClusterMembershipOptions ResolveMembership(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:Cluster:Mode"] = "AzureStorage",
            // Never contacted: the host is built, not started.
            ["Tributary:Cluster:ConnectionString"] = "UseDevelopmentStorage=true",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseTributaryHosting(builder.Configuration));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
    }
}
