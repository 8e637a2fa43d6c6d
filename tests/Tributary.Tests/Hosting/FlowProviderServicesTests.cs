using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;

namespace Tributary.Tests.Hosting;

/// <summary>Flow providers are created from the silo's services: they can take configuration and services, and one that lacks a service stops the start naming it.</summary>
public sealed class FlowProviderServicesTests
{
    [Fact]
    public async Task AddFlow_ProviderTakingConfigurationAndAService_DefinesItsFlowFromThem()
    {
        var flowName = $"provided-{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ConfiguredProvider.NameSetting] = flowName })
            .Build();

        await using var client = await TributaryClientFactory.StartEmbeddedAsync(
            tributary =>
            {
                tributary.Services.AddSingleton(new Multiplier(7));
                tributary.AddFlow<ConfiguredProvider>();
            },
            configuration);
        var runId = await client.StartFlowRunAsync(flowName);
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(30));

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        Assert.Equal(42, (await client.ReadTaskResultAsync<int>(runId, "product")).Value);
    }

    [Fact]
    public async Task AddFlow_ProviderNeedingAnUnregisteredService_StopsTheStartNamingProviderAndService()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TributaryClientFactory.StartEmbeddedAsync(tributary => tributary.AddFlow<NeedyProvider>()));

        Assert.Contains(typeof(NeedyProvider).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Multiplier).FullName!, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A service a provider takes.</summary>
    /// <param name="Factor">What the flow multiplies by.</param>
    public sealed record Multiplier(int Factor);

    // The providers are not public: a test that registers every public provider of this assembly (the Quickstart's)
    // must not find them.

    /// <summary>Names its flow from configuration and bakes a service's value into it.</summary>
    internal sealed class ConfiguredProvider(IConfiguration configuration, Multiplier multiplier) : IFlowProvider
    {
        /// <summary>The setting that names the flow.</summary>
        public const string NameSetting = "Tests:ProvidedFlowName";

        /// <inheritdoc />
        public FlowDefinition Define()
        {
            var flow = new FlowBuilder(configuration[NameSetting]!);
            flow.Task("product", (int factor) => factor * 6, flow.Constant(multiplier.Factor), new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });
            return flow.Build();
        }
    }

    /// <summary>Needs a service nobody registered.</summary>
    internal sealed class NeedyProvider(Multiplier multiplier) : IFlowProvider
    {
        /// <inheritdoc />
        public FlowDefinition Define()
        {
            var flow = new FlowBuilder($"needy-{multiplier.Factor}");
            flow.Task("t", () => 1);
            return flow.Build();
        }
    }
}
