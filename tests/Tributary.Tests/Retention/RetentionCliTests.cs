using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Client;

namespace Tributary.Tests.Retention;

/// <summary><c>tributary results delete</c> through the real command line, against a cluster (the silo of <see cref="CliClusterTests"/>).</summary>
public sealed class RetentionCliTests(CliClusterTests.Silo silo) : IClassFixture<CliClusterTests.Silo>
{
    private const string RetentionFlow = "cli-retention";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The flows of these tests, registered by <see cref="CliClusterTests.Silo"/>: two checkpointed outputs through the silo's local handler.</summary>
    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(RetentionFlow);
        var first = flow.Task("first", () => 20, new TaskOptions { Checkpoint = true });
        flow.Task("second", (int x) => x + 1, first, new TaskOptions { Checkpoint = true });
        yield return flow.Build();
    }

    private async Task<(string RunId, string[] Files)> RunAsync()
    {
        var runId = await silo.Client.StartFlowRunAsync(RetentionFlow);
        var snapshot = await silo.Client.WaitForFlowRunAsync(runId, Patience);
        Assert.Equal(FlowRunStatus.Success, snapshot.Flow.Status);
        var files = snapshot.Tasks.Select(task => ((JsonNode)task.Output!.Value!).GetValue<string>()).ToArray();
        Assert.All(files, file => Assert.True(File.Exists(file), file));
        return (runId, files);
    }

    [Fact]
    public async Task RetentionCli_DryRunThenDeleteWithRuns_ListsDeletesAndForgetsTheRun()
    {
        var (runId, files) = await RunAsync();

        var dryRun = await silo.CliAsync("results", "delete", runId, "--dry-run", "--delete-runs");
        Assert.True(dryRun.ExitCode == 0, dryRun.Output);
        Assert.Contains("Dry run: would delete 2 results of 1 run, then the runs. Nothing was deleted.", dryRun.Output);
        Assert.Contains(runId, dryRun.Output);
        Assert.Matches(@"first\s*│\s*Output\s*│\s*local", dryRun.Output);
        Assert.Matches(@"second\s*│\s*Output\s*│\s*local", dryRun.Output);
        Assert.All(files, file => Assert.True(File.Exists(file), file));

        var delete = await silo.CliAsync("results", "delete", runId, "--delete-runs");
        Assert.True(delete.ExitCode == 0, delete.Output);
        Assert.Contains($"Run {runId}: 2 deleted, 0 already gone, 0 failed; run deleted.", delete.Output);
        Assert.All(files, file => Assert.False(File.Exists(file), file));
        Assert.Equal(FlowRunStatus.NotFound, (await silo.Client.GetFlowRunAsync(runId)).Flow.Status);

        var again = await silo.CliAsync("results", "delete", runId);
        Assert.Equal(3, again.ExitCode); // not found (CliExitCode.NotFound)
        Assert.Contains($"There is no flow run '{runId}'.", again.Output);
    }

    [Fact]
    public async Task RetentionCli_OlderThan_LeavesRunsNewerThanTheCutOffAndRefusesBadOptions()
    {
        var (runId, files) = await RunAsync();

        var newer = await silo.CliAsync("results", "delete", "--older-than", "30", "--flow", RetentionFlow);
        var both = await silo.CliAsync("results", "delete", runId, "--older-than", "1");
        var neither = await silo.CliAsync("results", "delete");
        var everyEnded = await silo.CliAsync("results", "delete", "--older-than", "0", "--flow", RetentionFlow, "--dry-run");

        Assert.True(newer.ExitCode == 0, newer.Output);
        Assert.Contains($"No runs of flow '{RetentionFlow}' ended more than 30 day(s) ago: nothing to delete.", Regex.Replace(newer.Output, @"\s+", " "));
        Assert.All(files, file => Assert.True(File.Exists(file), file));
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("not both", both.Output);
        Assert.Equal(2, neither.ExitCode);
        Assert.True(everyEnded.ExitCode == 0, everyEnded.Output);
        Assert.Contains(runId, everyEnded.Output);
    }
}
