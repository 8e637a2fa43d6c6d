using Tributary.Client;
using Tributary.Flows;
using Tributary.Index;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using Tributary.Tests.Runs;

namespace Tributary.Tests.Index;

/// <summary>
/// The run index behind <c>list</c>: runs by flow and status, newest first, paged by a token that neither repeats nor
/// skips a run, with each run's status kept in step from its start to its end.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class RunIndexTests(TributaryClusterFixture cluster)
{
    private const string QuickFlow = "index-quick";
    private const string HeldFlow = "index-held";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var quick = new FlowBuilder(QuickFlow);
        quick.Task("one", () => 1);
        yield return quick.Build();

        var held = new FlowBuilder(HeldFlow);
        held.Task("wait", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            await TaskProbes.Gate(context.FlowRunId, "go").Task.WaitAsync(cancellationToken);
            return 1;
        });
        yield return held.Build();
    }

    private TributaryClient Client => new(cluster.Client, cluster.Handlers);

    /// <summary>
    /// Waits until the first page of <paramref name="filter"/> satisfies <paramref name="condition"/>: a run tells the index
    /// of its end in the same turn, but a client waiting on the run may see it final a moment before.
    /// </summary>
    public static async Task<FlowRunPage> WaitForIndexAsync(ITributaryClient client, FlowRunFilter filter, Func<IReadOnlyList<FlowRunSummary>, bool> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var page = await client.ListFlowRunsAsync(filter, pageSize: 1000, cancellationToken: deadline.Token);
            if (condition(page.Runs))
            {
                return page;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token); // polling the index's state, with a deadline
        }
    }

    [Fact]
    public async Task List_ByFlowPagedWhileNewRunsStart_NewestFirstWithoutDuplicatesOrGaps()
    {
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            started.Add(await cluster.StartAsync(QuickFlow));
            await cluster.WaitForFlowAsync(started[^1]);
        }

        await WaitForIndexAsync(Client, new() { FlowName = QuickFlow }, runs => runs.Count(run => run.Status == FlowRunStatus.Success) >= 5);

        var filter = new FlowRunFilter { FlowName = QuickFlow };
        var first = await Client.ListFlowRunsAsync(filter, pageSize: 2);
        // A run started between pages is newer than every run listed: later pages do not shift.
        var late = await cluster.StartAsync(QuickFlow);
        await cluster.WaitForFlowAsync(late);
        await WaitForIndexAsync(Client, new() { FlowName = QuickFlow }, runs => runs.Any(run => run.FlowRunId == late && run.Status == FlowRunStatus.Success));
        var listed = first.Runs.ToList();
        var token = first.NextPageToken;
        while (token is not null)
        {
            var page = await Client.ListFlowRunsAsync(filter, pageSize: 2, pageToken: token);
            listed.AddRange(page.Runs);
            token = page.NextPageToken;
        }

        var expected = Enumerable.Reverse(started).ToArray();
        Assert.Equal(expected, listed.Select(run => run.FlowRunId).Where(started.Contains));
        Assert.Equal(listed.Count, listed.Select(run => run.FlowRunId).Distinct().Count());
        Assert.DoesNotContain(late, listed.Select(run => run.FlowRunId));
        Assert.All(listed, run => Assert.Equal((QuickFlow, FlowRunStatus.Success), (run.FlowName, run.Status)));
        Assert.All(listed, run => Assert.NotNull(run.FinishedAt));
        Assert.Equal(late, (await Client.ListFlowRunsAsync(filter, pageSize: 1)).Runs.Single().FlowRunId);
    }

    [Fact]
    public async Task List_ByStatus_FollowsTheRunFromRunningToCancelledAndAcrossFlows()
    {
        var runId = await cluster.StartAsync(HeldFlow);
        var byFlow = new FlowRunFilter { FlowName = HeldFlow, Status = FlowRunStatus.Running };
        Assert.Contains(runId, (await Client.ListFlowRunsAsync(byFlow)).Runs.Select(run => run.FlowRunId));

        await cluster.FlowRun(runId).CancelAsync();
        Assert.Equal(FlowRunStatus.Cancelled, (await cluster.WaitForFlowAsync(runId)).Status);
        await WaitForIndexAsync(Client, new() { FlowName = HeldFlow }, runs => runs.Any(run => run.FlowRunId == runId && run.Status == FlowRunStatus.Cancelled));

        Assert.DoesNotContain(runId, (await Client.ListFlowRunsAsync(byFlow)).Runs.Select(run => run.FlowRunId));
        // Every flow: the newest cancelled run first.
        var cancelled = await Client.ListFlowRunsAsync(new FlowRunFilter { Status = FlowRunStatus.Cancelled }, pageSize: 1);
        var summary = Assert.Single(cancelled.Runs);
        Assert.Equal((runId, HeldFlow, FlowRunStatus.Cancelled), (summary.FlowRunId, summary.FlowName, summary.Status));
    }

    [Fact]
    public async Task List_ATokenItDidNotGive_ArgumentExceptionNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.ListFlowRunsAsync(pageToken: "not-a-token"));
        Assert.Contains("'not-a-token' is not a page token of the run index", error.Message);
    }
}
