using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Client;

/// <summary>The <c>tributary</c> command line, run as a process the way a user runs it (embedded silo, the ETL example).</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Run_EtlWithRows_PrintsTaskTableAndResultAndExitsZero()
    {
        var (exitCode, output) = await RunCliAsync("run", "etl", "--param", "rows=3");

        Assert.True(exitCode == 0, $"Exit code {exitCode}. Output:\n{output}");
        foreach (var column in new[] { "Task", "State", "Attempt", "Safe value" })
        {
            Assert.Contains(column, output);
        }

        foreach (var task in new[] { "extract", "transform", "load" })
        {
            Assert.Contains(task, output);
        }

        Assert.Contains("Success", output);
        Assert.Contains("Result of load: \"Loaded 3 orders worth 61.5 (largest from customer-0).\"", output);
    }

    // Guards a fixed bug: progress went through Progress<T>, which posts to the thread pool, so the last progress lines
    // could print after the final table.
    [Fact]
    public async Task Run_NotInteractive_PrintsEveryProgressLineBeforeTheTable()
    {
        var (exitCode, output) = await RunCliAsync("run", "etl", "--param", "rows=3");

        Assert.True(exitCode == 0, $"Exit code {exitCode}. Output:\n{output}");
        var table = output.IndexOf("Safe value", StringComparison.Ordinal);
        Assert.True(table > 0, output);
        foreach (var task in new[] { "extract", "transform", "load" })
        {
            var line = output.IndexOf($"  {task}: Success (attempt ", StringComparison.Ordinal);
            Assert.True(line >= 0 && line < table, $"'{task}: Success' is not printed before the table:\n{output}");
        }
    }

    [Fact]
    public async Task Run_UnknownFlow_ExitsNonZeroNamingTheFlow()
    {
        var (exitCode, output) = await RunCliAsync("run", "nosuchflow");

        Assert.True(exitCode == 3, $"Exit code {exitCode} (3: not found). Output:\n{output}");
        Assert.Contains("error:", output);
        Assert.Contains("'nosuchflow'", output);
    }

    [Fact]
    public async Task Run_IllTypedParameter_ExitsNonZeroNamingTheParameter()
    {
        var (exitCode, output) = await RunCliAsync("run", "etl", "--param", "rows=abc");

        Assert.True(exitCode == 2, $"Exit code {exitCode} (2: bad input). Output:\n{output}");
        Assert.Contains("error:", output);
        Assert.Contains("parameter 'rows' expects a Int32", output);
        Assert.DoesNotContain("Result of", output);
    }

    [Theory]
    [InlineData("status")] // a missing argument
    [InlineData("run", "etl", "--param", "rows")] // a parameter without a value
    [InlineData("run", "etl", "--timeout", "0")]
    [InlineData("status", "some-run", "--cluster", "UseDevelopmentStorage=true", "--connect-timeout", "0")]
    public async Task AnyCommand_BadInput_ExitsTwoWithOneErrorLine(params string[] arguments)
    {
        var (exitCode, output) = await RunCliAsync(arguments);

        Assert.True(exitCode == 2, $"Exit code {exitCode} (2: bad input). Output:\n{output}");
        Assert.Single(output.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_ListsTheExitCodes()
    {
        var (exitCode, output) = await RunCliAsync("--help");

        Assert.True(exitCode == 0, output);
        Assert.Contains("EXIT CODES:", output);
        foreach (var code in new[] { "bad input", "not found", "timeout", "unreachable" })
        {
            Assert.Contains(code, output);
        }
    }

    /// <summary>Runs the CLI built beside these tests (same configuration) with its results in a temporary directory.</summary>
    private static Task<(int ExitCode, string Output)> RunCliAsync(params string[] arguments) =>
        CliProcess.RunAsync(new Dictionary<string, string>(), arguments);
}
