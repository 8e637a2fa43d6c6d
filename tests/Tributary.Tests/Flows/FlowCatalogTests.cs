using System.Globalization;
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

        // The silo gets a gateway on a port the test knows, to look at it afterwards. The port is held until just before
        // the start; should another process take it in that gap, the start fails for that reason and is tried again.
        Exception error;
        int gatewayPort;
        for (var attempt = 1; ; attempt++)
        {
            using (var held = new ClosedPort())
            {
                gatewayPort = held.Port;
            }

            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture) })
                .Build();
            error = await Assert.ThrowsAnyAsync<Exception>(() => TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(definition), configuration));
            if (!SocketErrors.IsAddressInUse(error) || attempt == 3)
            {
                break;
            }
        }

        Assert.Contains("'s3'", error.Message);
        Assert.Contains("task 'upload' of flow 'to-s3'", error.Message);
        // Nothing of the refused silo is left listening in the caller's process (whatever another process does with the port).
        Assert.False(ProcessListeners.IsListening(gatewayPort), $"A socket of this process still listens on {gatewayPort}.");
    }
}
