using System.Diagnostics;
using Tributary.Handlers;

namespace Tributary.Tests.Infrastructure;

/// <summary>Runs the <c>tributary</c> command line built beside the tests, as a process, the way a user runs it.</summary>
public static class CliProcess
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs the CLI with <paramref name="arguments"/>, its local results in a temporary directory.</summary>
    /// <param name="environment">Extra environment variables (e.g. <c>Tributary__Cluster__ClusterId</c>).</param>
    /// <param name="arguments">The command line.</param>
    /// <returns>The exit code, and standard output followed by standard error.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var results = new TempDirectory();
        return await ProcessRunner.RunAsync(StartInfo(results.Path, environment, arguments), ProcessTimeout, $"tributary {string.Join(' ', arguments)}");
    }

    /// <summary>Starts the CLI and returns while it runs, for a test that watches its output or signals it.</summary>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="arguments">The command line.</param>
    public static RunningCli Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var results = new TempDirectory();
        try
        {
            return new RunningCli(InterruptibleByCtrlC(StartInfo(results.Path, environment, arguments)), results);
        }
        catch
        {
            results.Dispose();
            throw;
        }
    }

    // A command started in the background of a shell without job control (`.ci/run &`) has Ctrl-C ignored, and so has
    // every process it starts: .NET then leaves SIGINT ignored, as a background job's. The CLI a test signals is started
    // through env(1) with SIGINT back to its default, so the test sends Ctrl-C to a CLI that can hear it however the test
    // run itself was started.
    private static ProcessStartInfo InterruptibleByCtrlC(ProcessStartInfo start)
    {
        var arguments = start.ArgumentList.ToArray();
        start.ArgumentList.Clear();
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add(start.FileName);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.FileName = "/usr/bin/env";
        return start;
    }

    private static ProcessStartInfo StartInfo(string resultsPath, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var cli = Path.Combine(RepositoryRoot.Path, "src", "Client", "Cli", "bin", testOutput.Parent!.Name, testOutput.Name, "tributary.dll");
        Assert.True(File.Exists(cli), $"The CLI is not built at {cli}.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = resultsPath,
            Environment =
            {
                [ResultHandlers.LocalDirectoryVariable] = resultsPath,
                ["NO_COLOR"] = "1",
                ["COLUMNS"] = "200",
                // A CLI started on a loaded machine may spend most of 10 s (the default) just starting its client; the
                // tests of the timeout itself pass --connect-timeout, which wins over this.
                ["Tributary__Client__ConnectTimeout"] = "00:01:00",
            },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
