using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;

namespace Tributary.Tests.Hosting;

/// <summary>
/// A silo refuses to start on configuration that cannot work (options through <c>ValidateOnStart</c>, flows through
/// the flow catalog), naming the setting or the flow, rather than failing the first run.
/// </summary>
public sealed class SiloStartValidationTests
{
    [Fact]
    public async Task Start_OptionOutOfRange_FailsNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:ProgressCheckInterval"] = "00:00:00" })
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(AnyFlow()), configuration));

        Assert.Contains("Tributary:ProgressCheckInterval must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_GlobalHandlerKindNotRegistered_FailsNamingTheSettingAndKind()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:ResultHandler:Kind"] = "s3" })
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(AnyFlow()), configuration));

        Assert.Contains("Tributary:ResultHandler:Kind is 's3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FlowNamingUnregisteredHandlerKind_FailsNamingTheFlow()
    {
        var flow = new FlowBuilder("to-s3").WithResultHandler(new ResultHandlerDescriptor("s3", [new("bucket", "b")]));
        flow.Task("t", () => 1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(flow.Build())));

        Assert.Contains("flow 'to-s3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'s3'", error.Message, StringComparison.Ordinal);
    }

    private static FlowDefinition AnyFlow()
    {
        var flow = new FlowBuilder("any");
        flow.Task("t", () => 1);
        return flow.Build();
    }
}
