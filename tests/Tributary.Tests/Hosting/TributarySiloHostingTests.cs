using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Client;
using Tributary.States;
using Tributary.Tests.Client;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Hosting;

/// <summary>What the hosting package registers in a silo for code hosted beside it.</summary>
public sealed class TributarySiloHostingTests
{
    [Fact]
    public async Task UseTributaryStorage_EmbeddedSilo_RegistersITributaryClientThatRunsAndReadsTyped()
    {
        using var results = new TempDirectory();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:ResultHandler:Settings:directory"] = results.Path })
            .Build();
        var sums = new SumFlow();
        await using var embedded = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(sums.Define()), configuration);
        // What a web app hosted with the silo injects: the interface, over the silo's own cluster client.
        var client = embedded.Cluster.ServiceProvider.GetRequiredService<ITributaryClient>();

        var run = client.GetFlowRunHandle(await client.StartFlowRunAsync(SumFlow.Name, new Dictionary<string, object?> { ["a"] = 5, ["b"] = 6 }));
        var final = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        Assert.Equal(11, await run.GetResultAsync(sums.Total));
        Assert.Same(client, embedded.Cluster.ServiceProvider.GetRequiredService<TributaryClient>());
    }
}
