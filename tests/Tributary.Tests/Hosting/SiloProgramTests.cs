using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary.Client;
using Tributary.Hosting;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Hosting;

/// <summary>The <c>src/Silo</c> host, run as a process the way a deployment runs it.</summary>
public sealed class SiloProgramTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Start_MissingFlowAssembly_ExitsNonZeroNamingTheSettingAndTheEntry()
    {
        using var working = new TempDirectory();
        var silo = SiloPath();
        // Ports this test holds (bound, not listening): should the check ever stop failing, the silo cannot bind them
        // and still fails, rather than clash with a silo already running on this machine.
        using var siloPort = new ClosedPort();
        using var gatewayPort = new ClosedPort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = working.Path,
            Environment =
            {
                ["Tributary__FlowAssemblies__0"] = "flows/MyCompany.Flows.dll",
                ["Tributary__Cluster__SiloPort"] = siloPort.Port.ToString(),
                ["Tributary__Cluster__GatewayPort"] = gatewayPort.Port.ToString(),
            },
        };
        start.ArgumentList.Add(silo);

        var (exitCode, output) = await ProcessRunner.RunAsync(start, ProcessTimeout, "The silo");
        Assert.True(exitCode != 0, $"The silo started. Output:\n{output}");
        Assert.Contains("Tributary:FlowAssemblies entry 'flows/MyCompany.Flows.dll' is not a file", output);
    }

    // The silo no longer references the examples: it runs them only when they are listed, as deploy/local-cluster.sh does.
    [Fact]
    public async Task Start_ExamplesListedInFlowAssemblies_RunsTheEtlFlowForAnSdkClient()
    {
        using var results = new TempDirectory();
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var examples = Path.Combine(
            RepositoryRoot.Path, "examples", "Tributary.Examples", "bin", testOutput.Parent!.Name, testOutput.Name, "Tributary.Examples.dll");
        Assert.True(File.Exists(examples), $"The examples are not built at {examples}.");
        int siloPort, gatewayPort;
        using (var heldSilo = new ClosedPort())
        using (var heldGateway = new ClosedPort())
        {
            (siloPort, gatewayPort) = (heldSilo.Port, heldGateway.Port);
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = results.Path,
            Environment =
            {
                // Embedded mode (the silo's appsettings.json): one silo, in-memory state, its gateway open on the given port.
                ["Tributary__FlowAssemblies__0"] = examples,
                ["Tributary__Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
                ["Tributary__Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
                [global::Tributary.Handlers.ResultHandlers.LocalDirectoryVariable] = results.Path,
                ["Tributary__Web__Urls"] = "http://127.0.0.1:0", // any free port: never clash on the default 8080
            },
        };
        start.ArgumentList.Add(SiloPath());
        using var silo = Process.Start(start)!;
        var output = new StringBuilder();
        silo.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        silo.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        silo.BeginOutputReadLine();
        silo.BeginErrorReadLine();
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Orleans:Clustering:ProviderType"] = "Static",
                ["Orleans:Clustering:Gateways:0"] = $"127.0.0.1:{gatewayPort}",
            });
            // The silo process may not listen yet: Orleans' own connection retry asks again until the start's deadline.
            builder.Services.AddTributaryClient(builder.Configuration, orleans => orleans.UseConnectionRetryFilter(async (_, ct) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                return !silo.HasExited;
            }));
            using var host = builder.Build();
            using var deadline = new CancellationTokenSource(ProcessTimeout);
            await host.StartAsync(deadline.Token);
            var client = host.Services.GetRequiredService<ITributaryClient>();

            var runId = await client.StartFlowRunAsync("etl", new Dictionary<string, object?> { ["rows"] = 2 }, cancellationToken: deadline.Token);
            var final = await client.WaitForFlowRunAsync(runId, ProcessTimeout, cancellationToken: deadline.Token);
            var load = await client.ReadTaskResultAsync<string>(runId, "load", deadline.Token);

            Assert.True(final.Flow.Status == FlowRunStatus.Success, final.Flow.Message);
            Assert.Equal("Loaded 2 orders worth 31.0 (largest from customer-2).", load.Value);
            await host.StopAsync(deadline.Token);
        }
        catch (Exception ex)
        {
            lock (output)
            {
                throw new Xunit.Sdk.XunitException($"{ex}\nSilo output:\n{output}");
            }
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }
    }

    private static string SiloPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var silo = Path.Combine(RepositoryRoot.Path, "src", "Silo", "bin", testOutput.Parent!.Name, testOutput.Name, "Tributary.Silo.dll");
        Assert.True(File.Exists(silo), $"The silo is not built at {silo}.");
        return silo;
    }
}
