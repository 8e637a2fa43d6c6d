using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Hosting;
using Tributary.Options;
using Tributary.Silo;
using Tributary.Web.Hosting;

// The Tributary silo: clustering, state and handlers from settings. Settings come from the silo's own folder
// (appsettings.json beside Tributary.Silo.dll), then TRIBUTARY-style environment variables (e.g.
// Tributary__Cluster__Mode=AzureStorage), then the command line (--Tributary:Cluster:Mode=AzureStorage); never from the
// working folder, so the same binary behaves the same wherever it is started. Flows: every IFlowProvider in the
// assemblies listed in Tributary:FlowAssemblies (names of assemblies that ship with the silo, or paths to DLLs).
// Exit codes: see SiloExitCode (0 stopped, 1 configuration error, 2 could not start, 3 unexpected error). A start is
// bounded: the cluster's storage must answer within Tributary:Silo:StorageCheckTimeout, Orleans' start must end within
// Tributary:Silo:StartTimeout.
// A web host: the Orleans dashboard, /healthz and the run pages (Tributary:Web) are served beside the silo.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The default content root is the working folder: a silo started elsewhere silently ran without its appsettings.json.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Logging.AddSimpleConsole(options =>
{
    // One line per entry, each with its UTC time: the log of a cluster of silos can be merged and ordered.
    options.SingleLine = true;
    options.UseUtcTimestamp = true;
    options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
});

IHost host;
SiloStartOptions start;
ClusterStorageCheck? storageCheck;
try
{
    start = SiloStartOptions.Read(builder.Configuration);
    storageCheck = ClusterStorageCheck.For(builder.Configuration, start.StorageCheckTimeout);
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
    // Metrics and traces to an OTLP collector when Tributary:Telemetry:OtlpEndpoint is set.
    builder.Services.AddTributaryTelemetry(builder.Configuration);
    // The web side (Tributary:Web): on the loopback address unless configured, with an API key when exposed.
    builder.AddTributaryWeb();
    host = builder.Build().MapTributaryWeb();
    // What the host's start would construct and check first, done here before anything starts or logs: the hosted
    // services (Orleans runs its configuration validators when its silo service is made; Tributary's start-up check
    // builds the flow catalog) and the options marked ValidateOnStart. A mistake then ends the process with one line.
    _ = host.Services.GetServices<IHostedService>().ToArray();
    host.Services.GetService<IStartupValidator>()?.Validate();
}
catch (Exception ex)
{
    return (int)StartupFailure.Report(ex, whileStarting: false);
}

// The cluster's storage answers: checked before Orleans starts, which would retry a storage it cannot reach for minutes.
if (storageCheck is not null && await storageCheck.FindProblemAsync() is { } storageProblem)
{
    host.Dispose();
    return (int)StartupFailure.ReportStorageUnreachable(storageProblem);
}

// Bounded (Tributary:Silo:StartTimeout): Orleans retries some of its start (a reminder table) for 5 minutes. The token
// reaches Orleans' start stages; WaitAsync bounds a stage that does not watch it. Disposed once the start is done, so
// that nothing that kept the token is cancelled later.
using (var startDeadline = new CancellationTokenSource(start.StartTimeout))
{
    try
    {
        await host.StartAsync(startDeadline.Token).WaitAsync(startDeadline.Token);
    }
    catch (Exception ex) when (startDeadline.IsCancellationRequested)
    {
        // The host is not disposed: a start that did not end may not stop either, and the process ends here.
        return (int)StartupFailure.ReportStartTimedOut(start.StartTimeout, ex);
    }
    catch (Exception ex)
    {
        host.Dispose();
        return (int)StartupFailure.Report(ex, whileStarting: true);
    }
}

using (host)
{
    var cluster = builder.Configuration.GetSection(ClusterHostingOptions.SectionName).Get<ClusterHostingOptions>() ?? new ClusterHostingOptions();
    SiloLog.Started(
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tributary.Silo"),
        cluster.ClusterId,
        cluster.Mode,
        cluster.SiloPort,
        cluster.GatewayPort,
        AppContext.BaseDirectory);
    await host.WaitForShutdownAsync();
}

return (int)SiloExitCode.Stopped;
