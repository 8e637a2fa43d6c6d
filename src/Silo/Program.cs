using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Tributary.Examples;
using Tributary.Hosting;
using Tributary.Silo.Hosting;

// The Tributary silo: clustering, state and handlers from appsettings.json and TRIBUTARY-style environment variables
// (e.g. Tributary__Cluster__Mode=AzureStorage). Flows: the examples, plus every IFlowProvider in the assemblies named
// by Tributary:FlowAssemblies.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo
    .UseTributaryHosting(builder.Configuration)
    .AddTributary(tributary =>
    {
        tributary.AddFlowsFromAssembly(typeof(EtlFlow).Assembly);
        foreach (var name in builder.Configuration.GetSection("Tributary:FlowAssemblies").Get<string[]>() ?? [])
        {
            tributary.AddFlowsFromAssembly(System.Reflection.Assembly.Load(name));
        }
    }));
await builder.Build().RunAsync();
