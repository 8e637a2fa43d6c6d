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

    public static TheoryData<string, string, string, string> ConfigurationErrors => new()
    {
        // setting to set, its value, the setting the message must name, the case
        { "Tributary__FlowAssemblies__0", "flows/MyCompany.Flows.dll", "Tributary:FlowAssemblies entry 'flows/MyCompany.Flows.dll' is not a file", "a missing flow DLL" },
        { "Tributary__Cluster__AdvertisedAddress", "silo-1.example", "Tributary:Cluster:AdvertisedAddress", "a host name as advertised address" },
        { "Tributary__Cluster__ConnectionString", "", "Tributary:Cluster:ConnectionString", "a missing connection string" },
        { "Tributary__ResultHandler__Kind", "no-such-kind", "Tributary:ResultHandler:Kind", "an unknown handler kind" },
        { "Tributary__Cluster__Mode", "Kubernetes", "Tributary:Cluster:Mode", "an unknown cluster mode" },
        { "Tributary__Cluster__Tls__CertificatePath", "certs/missing.pfx", "Tributary:Cluster:Tls:CertificatePath 'certs/missing.pfx' is not a file", "a missing TLS certificate" },
    };

    // Guards a fixed bug: each of these crashed the silo with exit code 134 and a stack trace.
    [Theory]
    [MemberData(nameof(ConfigurationErrors))]
    public async Task Start_ConfigurationError_ExitsOneWithOneLineNamingTheSetting(string variable, string value, string named, string mistake)
    {
        using var working = new TempDirectory();
        // Ports this test holds (bound, not listening): should the check ever stop failing, the silo cannot bind them
        // and still fails, rather than clash with a silo already running on this machine.
        using var siloPort = new ClosedPort();
        using var gatewayPort = new ClosedPort();
        var start = SiloStart(working.Path, siloPort.Port, gatewayPort.Port);
        if (variable.StartsWith("Tributary__Cluster__", StringComparison.Ordinal) && variable != "Tributary__Cluster__Mode")
        {
            start.Environment["Tributary__Cluster__Mode"] = "AzureStorage";
            start.Environment["Tributary__Cluster__ConnectionString"] = "UseDevelopmentStorage=true";
        }

        start.Environment[variable] = value;

        var (exitCode, output) = await ProcessRunner.RunAsync(start, ProcessTimeout, "The silo");

        Assert.True(exitCode == 1, $"{mistake}: exit code {exitCode}. Output:\n{output}");
        var error = Assert.Single(output.Split('\n'), line => line.Contains("error", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("tributary silo: configuration error: ", error);
        Assert.Contains(named, error);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    public static TheoryData<bool, string> UnreachableStorage => new()
    {
        // whether the storage port listens (accepting connections but never answering), what the line must say why
        { false, "Connection refused" },
        { true, "no answer within 3 s (Tributary:Silo:StorageCheckTimeout)" },
    };

    // Guards a fixed bug: with its storage unreachable, the silo printed Orleans' errors with stack traces and went on
    // retrying for 5 minutes before its start failed.
    [Theory]
    [MemberData(nameof(UnreachableStorage))]
    public async Task Start_ClusterStorageUnreachable_ExitsTwoWithOneLineNamingTheEndpointAndTheSetting(bool listens, string why)
    {
        using var working = new TempDirectory();
        using var siloPort = new ClosedPort();
        using var gatewayPort = new ClosedPort();
        using var storage = new ClosedPort();
        using var listening = listens ? storage.Listen() : null;
        var start = SiloStart(working.Path, siloPort.Port, gatewayPort.Port);
        start.Environment["Tributary__Cluster__Mode"] = "AzureStorage";
        start.Environment["Tributary__Cluster__ConnectionString"] =
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{storage.Port}/{AzuriteServer.AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{storage.Port}/{AzuriteServer.AccountName};";
        start.Environment["Tributary__Silo__StorageCheckTimeout"] = "00:00:03";

        // The process timeout is the bound: the check takes seconds where Orleans' own start took 5 minutes.
        var (exitCode, output) = await ProcessRunner.RunAsync(start, ProcessTimeout, "The silo");

        Assert.True(exitCode == 2, $"Exit code {exitCode} (2: could not start). Output:\n{output}");
        var line = Assert.Single(output.Split('\n'), line => line.Trim().Length > 0);
        Assert.StartsWith(
            $"tributary silo: could not start: the cluster's storage did not answer at http://127.0.0.1:{storage.Port}/{AzuriteServer.AccountName} "
            + "(Tributary:Cluster:ConnectionString): ",
            line);
        Assert.Contains(why, line);
        Assert.Contains("Check that the storage account (or Azurite) is running and reachable from this host", line);
        Assert.DoesNotContain(AzuriteServer.AccountKey, output);
    }

    // The bound on Orleans' own start: with a storage that answered the check and then hangs, Orleans would wait for it
    // (each storage request for up to 100 s, four times) and then retry its reminder table for 5 minutes.
    [Fact]
    public async Task Start_StorageHangsAfterTheCheck_ExitsTwoAfterTheStartTimeoutWithOneLine()
    {
        using var working = new TempDirectory();
        int siloPort, gatewayPort;
        using (var heldSilo = new ClosedPort())
        using (var heldGateway = new ClosedPort())
        {
            (siloPort, gatewayPort) = (heldSilo.Port, heldGateway.Port); // released: this silo gets as far as binding them
        }

        using var storage = new StorageThatStopsAnswering();
        var start = SiloStart(working.Path, siloPort, gatewayPort);
        start.Environment["Tributary__Web__Urls"] = "http://127.0.0.1:0"; // any free port: never clash on the default 8080
        start.Environment["Tributary__Cluster__Mode"] = "AzureStorage";
        start.Environment["Tributary__Cluster__ConnectionString"] =
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{storage.Port}/{AzuriteServer.AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{storage.Port}/{AzuriteServer.AccountName};";
        start.Environment["Tributary__Silo__StartTimeout"] = "00:00:05";

        var (exitCode, output) = await ProcessRunner.RunAsync(start, ProcessTimeout, "The silo");

        Assert.True(exitCode == 2, $"Exit code {exitCode} (2: could not start). Output:\n{output}");
        var line = Assert.Single(output.Split('\n'), line => line.StartsWith("tributary silo:", StringComparison.Ordinal));
        Assert.StartsWith("tributary silo: could not start: the start did not end within 5 s (Tributary:Silo:StartTimeout).", line);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    // Guards a fixed bug: the silo read appsettings.json from the working folder, so started elsewhere it silently ran
    // without its own settings (checkpointing off). Here the working folder's file would stop it, and its own is read.
    [Fact]
    public async Task Start_FromAnotherWorkingFolder_ReadsItsOwnSettingsAndLogsWithTimestamps()
    {
        using var working = new TempDirectory();
        File.WriteAllText(
            Path.Combine(working.Path, "appsettings.json"),
            """{ "Tributary": { "FlowAssemblies": [ "read-from-the-working-folder.dll" ] } }""");
        int siloPort, gatewayPort;
        using (var heldSilo = new ClosedPort())
        using (var heldGateway = new ClosedPort())
        {
            (siloPort, gatewayPort) = (heldSilo.Port, heldGateway.Port);
        }

        using var silo = Process.Start(SiloStart(working.Path, siloPort, gatewayPort))!;
        var output = new StringBuilder();
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object? sender, DataReceivedEventArgs line)
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.Contains("Tributary silo started", StringComparison.Ordinal) == true)
            {
                started.TrySetResult(line.Data);
            }
        }

        silo.OutputDataReceived += OnLine;
        silo.ErrorDataReceived += OnLine;
        silo.BeginOutputReadLine();
        silo.BeginErrorReadLine();
        try
        {
            var first = await Task.WhenAny(started.Task, silo.WaitForExitAsync()).WaitAsync(ProcessTimeout);
            Assert.True(first == started.Task, "The silo exited before it started.");
            var line = await started.Task;

            // The silo's own appsettings.json sets the Tributary.Silo category to Information: that line is proof it was read.
            Assert.Contains($"settings from {Path.GetDirectoryName(SiloProcess.SiloDll)}{Path.DirectorySeparatorChar}appsettings.json", line, StringComparison.Ordinal);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: Tributary\.Silo", line);
            Assert.True(UnixSignals.Terminate(silo.Id), "SIGTERM could not be sent.");
            using var deadline = new CancellationTokenSource(ProcessTimeout);
            await silo.WaitForExitAsync(deadline.Token);
            Assert.Equal(0, silo.ExitCode);
            lock (output)
            {
                Assert.DoesNotContain("read-from-the-working-folder", output.ToString());
            }
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            lock (output)
            {
                throw new Xunit.Sdk.XunitException($"{ex}\nSilo output:\n{output}");
            }
        }
        finally
        {
            if (!silo.HasExited)
            {
                silo.Kill(entireProcessTree: true);
                await silo.WaitForExitAsync();
            }
        }
    }

    private static ProcessStartInfo SiloStart(string workingFolder, int siloPort, int gatewayPort) =>
        SiloProcess.StartInfo(workingFolder, new Dictionary<string, string>
        {
            ["Tributary__Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Tributary__Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            [global::Tributary.Handlers.ResultHandlers.LocalDirectoryVariable] = workingFolder,
        });

    // The silo no longer references the examples: it runs them only when they are listed, as deploy/local does.
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

        var start = SiloProcess.StartInfo(results.Path, new Dictionary<string, string>
        {
            // Embedded mode (the silo's appsettings.json): one silo, in-memory state, its gateway open on the given port.
            ["Tributary__FlowAssemblies__0"] = examples,
            ["Tributary__Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Tributary__Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            [global::Tributary.Handlers.ResultHandlers.LocalDirectoryVariable] = results.Path,
            ["Tributary__Web__Urls"] = "http://127.0.0.1:0", // any free port: never clash on the default 8080
        });
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
}
