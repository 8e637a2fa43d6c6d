using Tributary.Client;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// The task table a page at a time (<see cref="IFlowRunGrain.GetTaskPageAsync"/> and the SDK's paging): a flow of 303
/// task runs (100 independent tasks, a list, a map of 200 children, a sum) run once on an embedded silo whose flow-run
/// grains' task-state calls are counted.
/// </summary>
public sealed class TaskPagingTests(TaskPagingTests.Silo silo) : IClassFixture<TaskPagingTests.Silo>
{
    private const string Flow = "task-paging";
    private const int Singles = 100;
    private const int Elements = 200;
    private const int Rows = Singles + 1 + 1 + Elements + 1; // the singles, the list, the map, its children, the sum

    [Fact]
    public async Task GetTaskPage_EveryPageOfARunWithAMap_CoversEveryTaskOnceInTheSnapshotsOrder()
    {
        var snapshot = await silo.Client.GetFlowRunAsync(silo.RunId);
        var grain = silo.Client.Cluster.GetGrain<IFlowRunGrain>(silo.RunId);

        var names = new List<string>();
        var offsets = new List<int>();
        int? offset = 0;
        while (offset is { } from)
        {
            var page = await grain.GetTaskPageAsync(from, 64);
            Assert.Equal(Rows, page.Total);
            Assert.Equal(from, page.Offset);
            Assert.Empty(page.Flow.TaskStatuses); // a page does not carry the run's per-task map
            Assert.Equal(FlowRunStatus.Success, page.Flow.Status);
            offsets.Add(from);
            names.AddRange(page.Tasks.Select(task => task.TaskName));
            offset = page.NextOffset;
        }

        Assert.Equal(Rows, snapshot.Tasks.Length);
        Assert.Equal(snapshot.Tasks.Select(task => task.TaskName), names); // same rows, same order, each once
        Assert.Equal([0, 64, 128, 192, 256], offsets);
        Assert.Equal("double[0]", names[names.IndexOf("double") + 1]); // a map's children follow it
    }

    [Fact]
    public async Task GetTaskRunsAsync_PagesThroughTheSdk_GivesEveryTaskRunWithItsState()
    {
        var all = new List<TaskRunState>();
        await foreach (var task in silo.Client.GetTaskRunsAsync(silo.RunId, pageSize: 50))
        {
            all.Add(task);
        }

        var handle = await silo.Client.GetFlowRunHandle(silo.RunId).GetTaskRunsPageAsync(300, 50);
        var progress = await silo.Client.GetFlowRunProgressAsync(silo.RunId);

        Assert.Equal(Rows, all.Count);
        Assert.Equal(Rows, all.Select(task => task.TaskName).Distinct().Count());
        Assert.All(all, task => Assert.Equal(TaskRunStatus.Success, task.Status));
        Assert.Equal((3, 300, (int?)null), (handle.Tasks.Length, handle.Offset, handle.NextOffset)); // the last, short page
        Assert.Equal(FlowRunStatus.Success, progress.Status);
        Assert.Equal(Rows, progress.Counts[TaskRunStatus.Success]);
    }

    [Fact]
    public async Task GetTaskPage_PastTheEndOrOfAnUnknownRun_GivesAnEmptyPage()
    {
        var past = await silo.Client.GetTaskRunsPageAsync(silo.RunId, Rows + 10, 5);
        var unknown = await silo.Client.GetTaskRunsPageAsync($"no-such-run-{Guid.NewGuid():N}", 0, 5);

        Assert.Equal((0, Rows, (int?)null), (past.Tasks.Length, past.Total, past.NextOffset));
        Assert.Equal((0, 0, FlowRunStatus.NotFound), (unknown.Tasks.Length, unknown.Total, unknown.Flow.Status));
    }

    [Theory]
    [InlineData(-1, 10, "offset", "must be 0 or more")]
    [InlineData(0, 0, "limit", "must be from 1 to 500")]
    [InlineData(0, 501, "limit", "must be from 1 to 500")]
    public async Task GetTaskPage_OutOfRangeArguments_FailWithTheArgumentAndTheAllowedRange(int offset, int limit, string parameter, string expected)
    {
        var grain = silo.Client.Cluster.GetGrain<IFlowRunGrain>(silo.RunId);

        var fromGrain = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.GetTaskPageAsync(offset, limit));
        var fromSdk = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => silo.Client.GetTaskRunsPageAsync(silo.RunId, offset, limit));

        Assert.Contains(expected, fromGrain.Message);
        Assert.Equal(parameter, fromSdk.ParamName);
        Assert.Contains(expected, fromSdk.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => silo.Client.GetTaskRunsAsync(silo.RunId, pageSize: 0));
    }

    [Fact]
    public async Task GetTaskPage_AfterTheRunsGrainForgotItsRows_AsksAtMostItsLimitWhereASnapshotAsksEveryTask()
    {
        // A new activation of the run's grain keeps no rows: every row it shows, it asks its task's grain for.
        await ForgetRowsAsync();
        var before = silo.Calls.Calls.Total;
        var page = await silo.Client.GetTaskRunsPageAsync(silo.RunId, 120, 25);
        var pageCalls = silo.Calls.Calls.Total - before;

        await ForgetRowsAsync();
        before = silo.Calls.Calls.Total;
        var snapshot = await silo.Client.GetFlowRunAsync(silo.RunId);
        var snapshotCalls = silo.Calls.Calls.Total - before;

        Assert.Equal(25, page.Tasks.Length);
        Assert.InRange(pageCalls, 1, 25); // the probe sees the page's calls, and there are no more than its rows
        Assert.Equal(Rows, snapshot.Tasks.Length);
        Assert.True(snapshotCalls >= Rows - 1, $"a snapshot asked {snapshotCalls} task runs of {Rows}: the probe should see it ask them all");
    }

    private async Task ForgetRowsAsync()
    {
        var management = silo.Client.Cluster.GetGrain<IManagementGrain>(0);
        var grain = silo.Client.Cluster.GetGrain<IFlowRunGrain>(silo.RunId);
        var version = (await grain.WaitForChangeAsync(null, TimeSpan.Zero)).Version;
        // A new activation starts a new progress version: wait until the old one is gone (deadline, no sleep).
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await grain.WaitForChangeAsync(null, TimeSpan.Zero)).Version == version)
        {
            deadline.Token.ThrowIfCancellationRequested();
            await management.ForceActivationCollection(TimeSpan.Zero);
        }
    }

    /// <summary>An embedded silo with the paging flow, one finished run of it, and a count of its run grains' task-state calls.</summary>
    public sealed class Silo : IAsyncLifetime
    {
        private TributaryClient? _client;

        public TributaryClient Client => _client ?? throw new InvalidOperationException("The silo is not started.");

        public string RunId { get; private set; } = string.Empty;

        /// <summary>Task-state calls made by the run's grain (its key is the run id).</summary>
        public InFlightCallCounter Calls { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            RunId = $"paging-{Guid.NewGuid():N}";
            Calls = new InFlightCallCounter(nameof(ITaskRunGrain.GetStateAsync), callerKeySuffix: RunId);
            var flow = new FlowBuilder(Flow);
            for (var i = 0; i < Singles; i++)
            {
                var value = i;
                flow.Task($"single{i:D3}", () => value);
            }

            var items = flow.Task("items", () => Enumerable.Range(0, Elements).ToArray());
            var doubled = flow.Map("double", (int x) => x * 2, items);
            flow.Task("sum", (IReadOnlyList<int> values) => values.Sum(), doubled);
            var counter = Calls;
            _client = await TributaryClientFactory.StartEmbeddedAsync(tributary =>
            {
                tributary.AddFlow(flow.Build());
                tributary.Silo.AddOutgoingGrainCallFilter(counter);
            });
            await Client.StartFlowRunAsync(Flow, flowRunId: RunId);
            var final = await Client.WaitForFlowRunAsync(RunId, TimeSpan.FromMinutes(2));
            Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        }

        public async Task DisposeAsync()
        {
            if (_client is not null)
            {
                await _client.DisposeAsync();
            }
        }
    }
}
