using System.Globalization;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Options;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Flows;

/// <summary>
/// A flow that names a handler kind the host has not registered is refused when the silo starts, not when a run needs it;
/// a name can hold several versions of a flow, the last registered being the newest.
/// </summary>
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
    public void Get_NameRegisteredTwiceWithChangedCode_KeepsBothVersionsAndGivesTheLastAsNewest()
    {
        var old = Versioned(() => 1);
        var changed = Versioned(() => 2);

        var catalog = new FlowCatalog([old, changed], new ResultHandlerCatalog(), Resolver);

        Assert.NotEqual(old.Version, changed.Version);
        Assert.Same(changed, catalog.Get("versioned"));
        Assert.Same(old, catalog.Get("versioned", old.Version));
        Assert.Equal([old.Version, changed.Version], catalog.VersionsOf("versioned"));
        Assert.Equal(["versioned"], catalog.Names);
    }

    [Fact]
    public void Create_SameVersionRegisteredTwice_KeepsItOnceAtItsLastPlace()
    {
        Func<int> code = () => 1;
        var first = Versioned(code);
        var other = Versioned(() => 2);
        var again = Versioned(code);

        var catalog = new FlowCatalog([first, other, again], new ResultHandlerCatalog(), Resolver);

        Assert.Equal(first.Version, again.Version);
        Assert.Equal([other.Version, again.Version], catalog.VersionsOf("versioned"));
        Assert.Same(again, catalog.Get("versioned"));
    }

    [Fact]
    public void Get_UnknownVersion_ThrowsNamingTheVersionAndThoseRegistered()
    {
        var registered = Versioned(() => 1);
        var catalog = new FlowCatalog([registered], new ResultHandlerCatalog(), Resolver);

        var error = Assert.Throws<FlowVersionNotFoundException>(() => catalog.Get("versioned", "0123456789abcdef"));

        Assert.Equal(
            $"Flow 'versioned' version 0123456789abcdef is not registered on this silo; it registers version {registered.Version}.",
            error.Message);
        Assert.Equal([registered.Version], error.RegisteredVersions);
        Assert.False(catalog.TryGet("versioned", "0123456789abcdef", out _));
        Assert.False(catalog.TryGet("unknown", registered.Version, out _));
        Assert.Throws<UnknownFlowException>(() => catalog.Get("unknown", registered.Version));
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

    private static FlowDefinition Versioned(Func<int> code)
    {
        var flow = new FlowBuilder("versioned");
        flow.Task("t", code);
        return flow.Build();
    }
}
