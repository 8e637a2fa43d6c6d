using Microsoft.Extensions.Hosting;
using Tributary.Examples;
using Tributary.Hosting;
using Tributary.Silo.Hosting;

// The Tributary silo: clustering, state and handlers from appsettings.json and TRIBUTARY-style environment variables
// (e.g. Tributary__Cluster__Mode=AzureStorage). Flows: the examples, plus every IFlowProvider in the assemblies listed
// in Tributary:FlowAssemblies (names of assemblies that ship with the silo, or paths to DLLs).
var builder = Host.CreateApplicationBuilder(args);
// Loaded before the silo is built, so a missing or unloadable entry stops the start with an error naming it.
var flowAssemblies = new FlowAssemblyLoader().LoadConfigured(builder.Configuration);
builder.UseOrleans(silo => silo
    .UseTributaryHosting(builder.Configuration)
    .AddTributary(tributary =>
    {
        tributary.AddFlowsFromAssembly(typeof(EtlFlow).Assembly);
        foreach (var assembly in flowAssemblies)
        {
            tributary.AddFlowsFromAssembly(assembly);
        }
    }));
await builder.Build().RunAsync();
