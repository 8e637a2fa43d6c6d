using Microsoft.Extensions.Hosting;
using Tributary.Hosting;
using Tributary.Web.Hosting;

// The Tributary silo: clustering, state and handlers from appsettings.json and TRIBUTARY-style environment variables
// (e.g. Tributary__Cluster__Mode=AzureStorage). Flows: every IFlowProvider in the assemblies listed in
// Tributary:FlowAssemblies (names of assemblies that ship with the silo, or paths to DLLs); the silo has none of its own,
// so the examples are loaded like any user's flows (deploy/local-cluster.sh lists Tributary.Examples.dll).
var builder = WebApplication.CreateBuilder(args);
// Loaded before the silo is built, so a missing or unloadable entry stops the start with an error naming it.
var flowAssemblies = new FlowAssemblyLoader().LoadConfigured(builder.Configuration);
builder.UseOrleans(silo => silo
    .UseTributaryHosting(builder.Configuration)
    .AddTributary(tributary =>
    {
        foreach (var assembly in flowAssemblies)
        {
            tributary.AddFlowsFromAssembly(assembly);
        }
    }));
// The web side (Tributary:Web): Orleans dashboard, /healthz and run pages, on the loopback address unless configured.
builder.AddTributaryWeb();
await builder.Build().MapTributaryWeb().RunAsync();
