using System.Text.RegularExpressions;
using Tributary.Flows;
using Tributary.States;
using Tributary.Tests.Index;
using Tributary.Tests.Infrastructure;
using Tributary.Tests.Runs;

namespace Tributary.Tests.Client;

/// <summary><c>tributary list</c> and <c>tributary cancel</c> against a cluster (the silo of <see cref="CliClusterTests"/>).</summary>
public sealed class CliRunsTests(CliClusterTests.Silo silo) : IClassFixture<CliClusterTests.Silo>
{
    private const string ListFlow = "cli-list";
    private const string HangFlow = "cli-hang";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The flows of these tests, registered by <see cref="CliClusterTests.Silo"/>.</summary>
    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var list = new FlowBuilder(ListFlow);
        list.Task("one", () => 1);
        yield return list.Build();

        var hang = new FlowBuilder(HangFlow);
        var wait = hang.Task("wait", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            TaskProbes.Gate(context.FlowRunId, "started").TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return 1;
        });
        hang.Task("then", (int value, TaskRunContext context) => TaskProbes.Count(context) + value, wait);
        yield return hang.Build();
    }

    [Fact]
    public async Task Cancel_RunningRun_EndsCancelledShowsTheTableAndSaysSoWhenAskedAgain()
    {
        var runId = await silo.Client.StartFlowRunAsync(HangFlow);
        await TaskProbes.Gate(runId, "started").Task.WaitAsync(Patience);

        var cancelled = await silo.CliAsync("cancel", runId, "--reason", "enough");
        var again = await silo.CliAsync("cancel", runId);
        var unknown = await silo.CliAsync("cancel", "no-such-run");

        Assert.True(cancelled.ExitCode == 0, cancelled.Output);
        Assert.Contains($"Flow run {runId} of {HangFlow}: cancellation requested.", Regex.Replace(cancelled.Output, @"\s+", " "));
        Assert.True(Regex.IsMatch(cancelled.Output, @"wait\s*│\s*Cancelled"), cancelled.Output);
        Assert.Equal(0, TaskProbes.CountOf(runId, "then"));
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains($"Flow run {runId} already Cancelled: nothing to cancel.", Regex.Replace(again.Output, @"\s+", " "));
        Assert.Equal(3, unknown.ExitCode); // not found (CliExitCode.NotFound)
        Assert.Contains("There is no flow run 'no-such-run'.", unknown.Output);
    }

    [Fact]
    public async Task List_ByFlowAndStatusOnePageAtATime_NewestFirstThenTheNextPageWithItsToken()
    {
        var older = await silo.Client.StartFlowRunAsync(ListFlow);
        await silo.Client.WaitForFlowRunAsync(older, Patience);
        var newer = await silo.Client.StartFlowRunAsync(ListFlow);
        await silo.Client.WaitForFlowRunAsync(newer, Patience);
        await RunIndexTests.WaitForIndexAsync(silo.Client, new() { FlowName = ListFlow, Status = FlowRunStatus.Success }, runs => runs.Count == 2);

        var first = await silo.CliAsync("list", "--flow", ListFlow, "--status", "Success", "--limit", "1");
        var token = Regex.Match(first.Output, @"More runs: add --page (\S+)").Groups[1].Value;
        var second = await silo.CliAsync("list", "--flow", ListFlow, "--status", "Success", "--limit", "1", "--page", token);
        var none = await silo.CliAsync("list", "--flow", ListFlow, "--status", "Failed");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(first.Output.Contains(newer, StringComparison.Ordinal), first.Output);
        Assert.DoesNotContain(older, first.Output);
        Assert.NotEqual(string.Empty, token);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.True(second.Output.Contains(older, StringComparison.Ordinal), $"{token}\n{first.Output}\n{second.Output}");
        Assert.DoesNotContain(newer, second.Output);
        Assert.True(none.ExitCode == 0, none.Output);
        Assert.Contains("No flow runs.", none.Output);
    }
}
