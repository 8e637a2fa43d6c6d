using System.Text.RegularExpressions;
using Tributary.Flows;

namespace Tributary.Tests.Client;

/// <summary>
/// <c>status RUN --page N --page-size M</c> shows one page of the task table with the run's counts, and <c>run</c>
/// follows a run by its progress (status and counts) before the first page of the table: on the CLI cluster's silo.
/// </summary>
public sealed class CliPagingTests(CliClusterTests.Silo silo) : IClassFixture<CliClusterTests.Silo>
{
    private const string PagingFlow = "cli-paging";
    private const int Singles = 30;
    private const int Elements = 30;
    private const int Rows = Singles + 2 + Elements; // the singles, the list, the map and its children

    /// <summary>The flows these tests run, registered by <see cref="CliClusterTests.Silo"/>.</summary>
    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(PagingFlow);
        for (var i = 0; i < Singles; i++)
        {
            var value = i;
            flow.Task($"single{i:D2}", () => value);
        }

        var items = flow.Task("items", () => Enumerable.Range(0, Elements).ToArray());
        flow.Map("double", (int x) => x * 2, items);
        yield return flow.Build();
    }

    [Fact]
    public async Task RunThenStatusPage_SixtyTwoTasks_FollowsCountsThenShowsTheAskedPageAndHowToSeeTheNext()
    {
        var runId = $"cli-paging-{Guid.NewGuid():N}";

        var run = await silo.CliAsync("run", PagingFlow, "--run-id", runId);
        var second = await silo.CliAsync("status", runId, "--page", "2", "--page-size", "25");
        var last = await silo.CliAsync("status", runId, "--page", "3", "--page-size", "25");

        Assert.True(run.ExitCode == 0, run.Output);
        var table = run.Output.IndexOf("Safe value", StringComparison.Ordinal);
        var finalProgress = run.Output.IndexOf($"  Success: {Rows} Success", StringComparison.Ordinal);
        Assert.True(finalProgress >= 0 && finalProgress < table, $"The final progress line is not printed before the table:\n{run.Output}");
        Assert.Contains($"{Rows} tasks: {Rows} Success", run.Output);
        Assert.Contains($"page 1 of 2, status {runId} --page 2 for more", run.Output);
        Assert.Contains("Result of double:", run.Output);

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains($"{Rows} tasks: {Rows} Success", second.Output);
        Assert.Contains("page 2 of 3, --page 3 for more", second.Output);
        // Rows 25..49: single25..single29, items, double, double[0]..double[17].
        foreach (var shown in new[] { "single25", "single29", "items", "double[0]", "double[17]" })
        {
            Assert.Matches(new Regex($@"\b{Regex.Escape(shown)}\s"), second.Output);
        }

        foreach (var other in new[] { "single24", "double[18]" })
        {
            Assert.DoesNotContain(other, second.Output);
        }

        Assert.True(last.ExitCode == 0, last.Output);
        Assert.Contains("page 3 of 3", last.Output);
        Assert.DoesNotContain("for more", last.Output);
        Assert.Contains("double[29]", last.Output);
    }

    [Theory]
    [InlineData("--page", "0", "--page must be 1 or more")]
    [InlineData("--page-size", "501", "--page-size must be from 1 to 500")]
    public async Task Status_PageArgumentOutOfRange_ExitsBadInputNamingTheOption(string option, string value, string expected)
    {
        var (exitCode, output) = await silo.CliAsync("status", "some-run", option, value);

        Assert.True(exitCode == 2, $"Exit code {exitCode} (2: bad input). Output:\n{output}");
        Assert.Contains(expected, Regex.Replace(output, @"\s+", " "));
    }

    [Fact]
    public async Task Status_PagePastTheLast_ExitsBadInputSayingHowManyPagesThereAre()
    {
        var runId = $"cli-paging-{Guid.NewGuid():N}";
        var run = await silo.CliAsync("run", PagingFlow, "--run-id", runId);

        var (exitCode, output) = await silo.CliAsync("status", runId, "--page", "4", "--page-size", "25");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(exitCode == 2, $"Exit code {exitCode} (2: bad input). Output:\n{output}");
        Assert.Contains($"--page 4 is past the last page: flow run '{runId}' has {Rows} tasks, 3 page(s) of 25.", Regex.Replace(output, @"\s+", " "));
    }
}
