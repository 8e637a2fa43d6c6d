using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Options;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Flows;

/// <summary>A flow that names a handler kind the host has not registered is refused when the silo starts, not when a run needs it.</summary>
public sealed class FlowCatalogTests
{
    private static readonly ResultHandlerResolver Resolver = new(Microsoft.Extensions.Options.Options.Create(new ResultHandlerOptions()));

    [Fact]
    public void Create_TaskNamesUnregisteredHandlerKind_ThrowsNamingKindTaskAndFlow()
    {
        var flow = new FlowBuilder("to-s3");
        flow.Task("upload", () => 1, new TaskOptions { ResultHandler = new ResultHandlerDescriptor("s3", [new("bucket", "b")]) });

        var error = Assert.Throws<ArgumentException>(() => new FlowCatalog([flow.Build()], new ResultHandlerCatalog(), Resolver));

        Assert.Contains("'s3'", error.Message);
        Assert.Contains("task 'upload' of flow 'to-s3'", error.Message);
    }

    [Fact]
    public void Create_FlowNamesUnregisteredHandlerKind_ThrowsNamingKindAndFlow()
    {
        var flow = new FlowBuilder("blobs").WithResultHandler(ResultHandlers.AzureBlob("results"));
        flow.Task("t", () => 1);

        var error = Assert.Throws<ArgumentException>(() => new FlowCatalog([flow.Build()], new ResultHandlerCatalog(), Resolver));

        Assert.Contains("'azure-blob'", error.Message);
        Assert.Contains("flow 'blobs'", error.Message);
    }

    [Fact]
    public void Create_GlobalDefaultOfUnregisteredKind_ThrowsNamingIt()
    {
        var resolver = new ResultHandlerResolver(Microsoft.Extensions.Options.Options.Create(new ResultHandlerOptions { Kind = "s3" }));

        var error = Assert.Throws<ArgumentException>(() => new FlowCatalog([], new ResultHandlerCatalog(), resolver));

        Assert.Contains("global default", error.Message);
        Assert.Contains("'s3'", error.Message);
    }

    [Fact]
    public void Get_UnknownName_ThrowsUnknownFlowExceptionListingKnownFlows()
    {
        var flow = new FlowBuilder("known");
        flow.Task("t", () => 1);
        var catalog = new FlowCatalog([flow.Build()], new ResultHandlerCatalog(), Resolver);

        var error = Assert.Throws<UnknownFlowException>(() => catalog.Get("unknown"));

        Assert.Equal("unknown", error.FlowName);
        Assert.Contains("(registered: known)", error.Message);
    }

    [Fact]
    public async Task StartEmbedded_FlowNamesUnregisteredHandlerKind_SiloRefusesToStartAndLeavesNothingRunning()
    {
        var flow = new FlowBuilder("to-s3");
        flow.Task("upload", () => 1, new TaskOptions { ResultHandler = new ResultHandlerDescriptor("s3") });
        var definition = flow.Build();
        var gatewayPort = FreePorts.Take();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture) })
            .Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(definition), configuration));

        Assert.Contains("'s3'", error.Message);
        Assert.Contains("task 'upload' of flow 'to-s3'", error.Message);
        // Nothing of the refused silo is left listening in the caller's process.
        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, gatewayPort));
    }
}
