using System.Diagnostics;
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

    private static string SiloPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var silo = Path.Combine(RepositoryRoot.Path, "src", "Silo", "bin", testOutput.Parent!.Name, testOutput.Name, "Tributary.Silo.dll");
        Assert.True(File.Exists(silo), $"The silo is not built at {silo}.");
        return silo;
    }
}
