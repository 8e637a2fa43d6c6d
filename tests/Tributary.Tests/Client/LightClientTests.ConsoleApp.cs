using System.Diagnostics;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Client;

/// <summary>A console app whose project references only the SDK project: it builds, connects, starts a run and reads it.</summary>
public sealed partial class LightClientTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    // What a light client must not bring: the silo runtime, a storage provider or cloud SDK, the engine, the hosting
    // package, the silo, the example flows.
    private static readonly string[] Forbidden =
    [
        "Orleans.Runtime", "Orleans.Server", "Orleans.Persistence", "Orleans.Clustering.AzureStorage", "Orleans.Reminders",
        "Azure.Data.Tables", "Azure.Storage", "Tributary.Grains.dll", "\"Tributary.Grains/", "Tributary.Hosting",
        "Tributary.Silo", "Tributary.Examples", "Tributary.Handlers.AzureBlob",
    ];

    [Fact]
    public async Task ConsoleApp_ReferencingOnlyTheSdk_StartsARunOnTheClusterReadsItAndBringsNoSiloAssemblies()
    {
        using var app = new TempDirectory();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var sdk = Path.Combine(RepositoryRoot.Path, "src", "Client", "Sdk", "Tributary.Client.csproj");
        var flow = Path.Combine(RepositoryRoot.Path, "tests", "Tributary.Tests", "Client", "SumFlow.cs");
        // Outside the repository, so none of its build settings apply: the project says all it needs, as a user's would.
        await File.WriteAllTextAsync(Path.Combine(app.Path, "LightApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{sdk}" />
                <!-- The flow's code, shared with the silo that registers it, for its typed nodes. -->
                <Compile Include="{flow}" Link="SumFlow.cs" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app.Path, "Program.cs"), """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;
            using Tributary.Client;
            using Tributary.Hosting;
            using Tributary.Tests.Client;

            // The cluster comes from configuration (here environment variables: Orleans__Clustering__ProviderType, ...).
            var builder = Host.CreateApplicationBuilder(args);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddTributaryClient(builder.Configuration);
            using var host = builder.Build();
            await host.StartAsync();

            var client = host.Services.GetRequiredService<ITributaryClient>();
            var sums = new SumFlow();
            var runId = await client.StartFlowRunAsync(SumFlow.Name, new Dictionary<string, object?> { ["a"] = 20, ["b"] = 3 });
            var run = client.GetFlowRunHandle(runId);
            var final = await run.WaitAsync(TimeSpan.FromSeconds(60));
            Console.WriteLine($"status: {final.Flow.Status}");
            Console.WriteLine($"total: {await run.GetResultAsync(sums.Total)}");
            Console.WriteLine($"describe: {(await run.ReadResultAsync<string>("describe")).Value}");
            await host.StopAsync();
            """);

        // Only this project is built: the SDK and the contracts were built with the tests, in the same configuration.
        var (buildExit, buildOutput) = await DotnetAsync(
            app.Path, BuildTimeout, new Dictionary<string, string>(), "build", "LightApp.csproj", "-c", configuration, "-p:BuildProjectReferences=false", "-nologo", "-v", "quiet");
        Assert.True(buildExit == 0, $"The console app did not build:\n{buildOutput}");
        var output = Path.Combine(app.Path, "bin", configuration, "net10.0");
        var (exitCode, runOutput) = await DotnetAsync(
            app.Path,
            RunTimeout,
            cluster.ClientSettings.ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value),
            Path.Combine(output, "LightApp.dll"));

        Assert.True(exitCode == 0, $"The console app failed:\n{runOutput}");
        Assert.Contains("status: Success", runOutput);
        Assert.Contains("total: 23", runOutput);
        Assert.Contains("describe: the total is 23", runOutput);
        var dependencies = await File.ReadAllTextAsync(Path.Combine(output, "LightApp.deps.json"));
        var files = string.Join('\n', Directory.EnumerateFiles(output).Select(Path.GetFileName));
        Assert.Contains("Tributary.Client", dependencies);
        Assert.Contains("Orleans.Core", dependencies); // the check can see a package when there is one
        foreach (var name in Forbidden)
        {
            Assert.False(dependencies.Contains(name, StringComparison.OrdinalIgnoreCase), $"LightApp.deps.json names {name}:\n{dependencies}");
            if (!name.StartsWith('"'))
            {
                Assert.False(files.Contains(name, StringComparison.OrdinalIgnoreCase), $"The app's folder holds {name}:\n{files}");
            }
        }
    }

    private static Task<(int ExitCode, string Output)> DotnetAsync(
        string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return ProcessRunner.RunAsync(start, timeout, $"dotnet {string.Join(' ', arguments)}");
    }
}
