using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// <c>flow.Map</c> on the two-silo cluster: one child task run per element (<c>score[0]</c>, …), each with its own
/// result, handler and retries; the downstream gets the ordered list; a failing child follows the triggers; the map
/// survives a resume, a lost child output and a deactivated flow run; only the count and statuses reach stored state.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class MapTests(TributaryClusterFixture cluster)
{
    private const string Scores = "map-scores";
    private const string Words = "map-words";
    private const string Retry = "map-retry";
    private const string Failure = "map-failure";
    private const string Skip = "map-skip";
    private const string Resume = "map-resume";
    private const string Lost = "map-lost";
    private const string Gated = "map-gated";
    private const string Canary = "map-canary";
    private static readonly TaskOptions Json = new() { ResultHandler = ResultHandlers.Json, Checkpoint = true };
    private static readonly ConcurrentDictionary<string, string> Canaries = new();

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var scores = new FlowBuilder(Scores);
        var items = scores.Task("items", (int n) => Enumerable.Range(0, n).ToArray(), scores.Parameter<int>("n"));
        var score = scores.Map("score", (x, context) =>
        {
            TaskProbes.Count(context);
            return x * 10;
        }, items);
        scores.Task("total", (IReadOnlyList<int> scores, TaskRunContext context) =>
        {
            TaskProbes.Record(context, scores);
            return scores.Sum();
        }, score, Json);
        yield return scores.Build();

        // Over a parameter (an array), over a List<T>, and a map over a map.
        var words = new FlowBuilder(Words);
        var given = words.Parameter<string[]>("words");
        var shout = words.Map("shout", (string word) => word.ToUpperInvariant(), given);
        var split = words.Task("split", (string[] words) => words.SelectMany(word => word.Split('-')).ToList(), given);
        var lengths = words.Map("length", async (string part, CancellationToken ct) =>
        {
            await Task.Yield();
            return part.Length;
        }, split);
        var doubled = words.Map("doubled", (int length) => length * 2, lengths);
        words.Task("join", (IReadOnlyList<string> shouted, IReadOnlyList<int> lengths) => $"{string.Join(" ", shouted)}|{string.Join(",", lengths)}", shout, doubled, Json);
        yield return words.Build();

        // The second element fails its first attempt; its retry waits for the test.
        var retry = new FlowBuilder(Retry);
        var retryItems = retry.Task("items", () => new[] { 1, 2, 3 }, new TaskOptions { ResultHandler = ResultHandlers.Local(storage.Directory("map-retry")), Checkpoint = false });
        var flaky = retry.Map("flaky", async (int x, TaskRunContext context) =>
        {
            var attempt = TaskProbes.Count(context);
            if (x == 2 && attempt == 1)
            {
                throw new InvalidOperationException("flaky once");
            }

            if (x == 2)
            {
                await TaskProbes.Gate(context.FlowRunId, "retry").Task;
            }

            return x * 10;
        }, retryItems, new TaskOptions { MaxRetries = 1 });
        retry.Task("total", (IReadOnlyList<int> values, TaskRunContext context) => TaskProbes.Record(context, values), flaky);
        yield return retry.Build();

        // The second child always fails: the default trigger does not run its downstream, AllFinished does.
        var failure = new FlowBuilder(Failure);
        var fragile = failure.Map("fragile", int (int x) => x == 2 ? throw new InvalidOperationException("two broke") : x, failure.Task("items", () => new[] { 1, 2, 3 }));
        failure.Task("after", (IReadOnlyList<int> values) => values.Count, fragile);
        failure.Task("cleanup", (IReadOnlyList<int> values, TaskRunContext context) =>
        {
            TaskProbes.Mark(context.FlowRunId, values is null ? "cleanup-null" : "cleanup-list");
            return "cleaned";
        }, fragile, new TaskOptions { Trigger = TaskTrigger.AllFinished });
        yield return failure.Build();

        // Odd elements skip themselves: they give no element.
        var skip = new FlowBuilder(Skip);
        var kept = skip.Map("kept", (int x) => x % 2 == 1 ? throw new TaskSkippedException("odd") : x, skip.Task("items", () => new[] { 0, 1, 2, 3, 4 }));
        skip.Task("evens", (IReadOnlyList<int> values, TaskRunContext context) => TaskProbes.Record(context, values), kept);
        yield return skip.Build();

        // The second element fails until the test marks the run healed; a resume runs it again, and only it.
        var resume = new FlowBuilder(Resume);
        var heal = resume.Map("heal", (int x, TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            return x == 1 && !TaskProbes.IsMarked(context.FlowRunId, "healed") ? throw new InvalidOperationException("not yet") : x + 100;
        }, resume.Task("items", () => new[] { 0, 1, 2 }));
        resume.Task("total", (IReadOnlyList<int> values, TaskRunContext context) => TaskProbes.Record(context, values), heal);
        yield return resume.Build();

        // Children hold their outputs in memory only; the downstream waits for the test before it asks for them.
        var lost = new FlowBuilder(Lost);
        var part = lost.Map("part", (int x, TaskRunContext context) =>
        {
            TaskProbes.Count(context);
            return x * 3;
        }, lost.Task("items", () => new[] { 1, 2, 3, 4 }, Json), new TaskOptions { Checkpoint = false });
        var gate = lost.Task("gate", async (TaskRunContext context, CancellationToken ct) =>
        {
            await TaskProbes.Gate(context.FlowRunId, "gate").Task.WaitAsync(ct);
            return 1;
        });
        lost.Task("sum", (IReadOnlyList<int> parts, int marker) => parts.Sum() + marker, part, gate, Json);
        yield return lost.Build();

        // Every child waits for the test, which deactivates the flow run meanwhile.
        var gated = new FlowBuilder(Gated);
        var waiting = gated.Map("wait", async (int x, TaskRunContext context, CancellationToken ct) =>
        {
            TaskProbes.Mark(context.FlowRunId, $"started-{x}");
            await TaskProbes.Gate(context.FlowRunId, "go").Task.WaitAsync(ct);
            return x + 1;
        }, gated.Task("items", () => new List<int> { 0, 1, 2 }));
        gated.Task("total", (IReadOnlyList<int> values, TaskRunContext context) => TaskProbes.Record(context, values), waiting, Json);
        yield return gated.Build();

        // Elements and outputs carry a canary; the first attempt of each child fails, so its element is cached.
        var canary = new FlowBuilder(Canary);
        var local = ResultHandlers.Local(storage.Directory("map-canary"));
        var secrets = canary.Task("secrets", (TaskRunContext context) => new[] { $"{Canaries[context.FlowRunId]}-a", $"{Canaries[context.FlowRunId]}-b" }, new TaskOptions { ResultHandler = local, Checkpoint = true });
        var echoed = canary.Map("echo", (string secret, TaskRunContext context) =>
            TaskProbes.Count(context) == 1 ? throw new InvalidOperationException("first attempt fails") : $"{secret}-echo",
            secrets, new TaskOptions { ResultHandler = local, Checkpoint = true, MaxRetries = 1 });
        canary.Task("joined", (IReadOnlyList<string> echoes) => string.Join("+", echoes), echoed, new TaskOptions { ResultHandler = local, Checkpoint = true });
        yield return canary.Build();
    }

    [Fact]
    public async Task Map_ThreeElements_EachChildRunsOnceAndTheDownstreamGetsTheOrderedList()
    {
        var runId = await cluster.StartAsync(Scores, ("n", 3));

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal([0, 10, 20], Assert.IsAssignableFrom<IReadOnlyList<int>>(TaskProbes.ReceivedBy(runId, "total")));
        Assert.Equal([1, 1, 1], Enumerable.Range(0, 3).Select(i => TaskProbes.CountOf(runId, $"score[{i}]")));
        var snapshot = await cluster.FlowRun(runId).GetSnapshotAsync();
        Assert.Equal(["items", "score", "score[0]", "score[1]", "score[2]", "total"], snapshot.Tasks.Select(task => task.TaskName));
        var map = snapshot.Tasks.Single(task => task.TaskName == "score");
        Assert.Equal((TaskRunStatus.Success, 3, null), (map.Status, map.MapCount, map.Output));
        Assert.All(snapshot.Tasks, task => Assert.Equal(TaskRunStatus.Success, task.Status));
        Assert.Equal(TaskRunStatus.Success, final.TaskStatuses["score[2]"]);
        Assert.Equal("30", snapshot.Tasks.Single(task => task.TaskName == "total").Output?.Json);
        var rows = snapshot.Rows().Select(row => (row.Name, row.Summary)).ToArray();
        Assert.Contains(("score", "3 children: 3 Success"), rows);
    }

    [Fact]
    public async Task Map_OneThousandElements_RunsToSuccessOnTheCluster()
    {
        var runId = await cluster.StartAsync(Scores, ("n", 1000));

        var final = await cluster.WaitForFlowAsync(runId, TimeSpan.FromMinutes(3));

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(Enumerable.Range(0, 1000).Select(x => x * 10), Assert.IsAssignableFrom<IReadOnlyList<int>>(TaskProbes.ReceivedBy(runId, "total")));
        Assert.Equal(1000 + 3, final.TaskStatuses.Count);
        var snapshot = await cluster.FlowRun(runId).GetSnapshotAsync();
        Assert.Equal(1000 + 3, snapshot.Tasks.Length);
        Assert.Equal("score[999]", snapshot.Tasks[^2].TaskName);
        Assert.Equal(("score", "1000 children: 1000 Success"), snapshot.Rows().Select(row => (row.Name, row.Summary)).Single(row => row.Name == "score"));
        Assert.Equal("score[…]", snapshot.Rows().Single(row => row.Task is null).Name);
    }

    [Fact]
    public async Task Map_EmptyList_EndsSuccessWithNoChildrenAndAnEmptyList()
    {
        var runId = await cluster.StartAsync(Scores, ("n", 0));

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<int>>(TaskProbes.ReceivedBy(runId, "total")));
        var snapshot = await cluster.FlowRun(runId).GetSnapshotAsync();
        Assert.Equal(["items", "score", "total"], snapshot.Tasks.Select(task => task.TaskName));
        Assert.Equal(0, snapshot.Tasks[1].MapCount);
    }

    [Fact]
    public async Task Map_OverAParameterAListAndAMap_GivesEachListInOrder()
    {
        var runId = await cluster.StartAsync(Words, ("words", new[] { "map-it", "now" }));

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        var join = await cluster.TaskRun(runId, "join").GetStateAsync();
        Assert.Equal("MAP-IT NOW|6,4,6", JsonNode.Parse(join.Output!.Json)!.GetValue<string>());
        Assert.Equal(3, (await cluster.TaskRun(runId, "doubled").GetStateAsync()).MapCount);
    }

    [Fact]
    public async Task Map_ChildFailsOnce_OnlyItRetriesWithItsElementCachedThroughTheListsHandler()
    {
        var runId = await cluster.StartAsync(Retry);

        var retrying = await cluster.WaitForTaskAsync(runId, "flaky[1]", state => state.Attempt == 2);
        var cached = Assert.Single(retrying.CachedInputs).Value;
        Assert.Equal(ResultHandlers.Local(cluster.Storage.Directory("map-retry")), cached.Handler); // the list's task's handler
        var file = JsonNode.Parse(cached.Json)!.GetValue<string>();
        Assert.Equal("2", File.ReadAllText(file)); // the element, not the list
        TaskProbes.Gate(runId, "retry").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal([10, 20, 30], Assert.IsAssignableFrom<IReadOnlyList<int>>(TaskProbes.ReceivedBy(runId, "total")));
        Assert.Equal((1, 2, 1), (TaskProbes.CountOf(runId, "flaky[0]"), TaskProbes.CountOf(runId, "flaky[1]"), TaskProbes.CountOf(runId, "flaky[2]")));
        Assert.Equal(2, (await cluster.TaskRun(runId, "flaky[1]").GetStateAsync()).Attempt);
        Assert.False(File.Exists(file)); // deleted once the child succeeded
    }

    [Fact]
    public async Task Map_ChildFails_MapFailsNamingItAllFinishedRunsDefaultTriggerDoesNot()
    {
        var runId = await cluster.StartAsync(Failure);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Failed, final.Status);
        Assert.Equal(
            (TaskRunStatus.Success, TaskRunStatus.Failed, TaskRunStatus.Success, TaskRunStatus.Failed, TaskRunStatus.UpstreamFailed, TaskRunStatus.Success),
            (final.TaskStatuses["fragile[0]"], final.TaskStatuses["fragile[1]"], final.TaskStatuses["fragile[2]"], final.TaskStatuses["fragile"],
                final.TaskStatuses["after"], final.TaskStatuses["cleanup"]));
        var map = await cluster.TaskRun(runId, "fragile").GetStateAsync();
        Assert.Equal("Mapped children that did not succeed: fragile[1] (Failed).", map.Message);
        Assert.Contains("two broke", (await cluster.TaskRun(runId, "fragile[1]").GetStateAsync()).Message);
        Assert.True(TaskProbes.IsMarked(runId, "cleanup-null")); // a map that failed gives no list: the type's default
        Assert.Equal(["after", "fragile"], final.Message!["Tasks that did not succeed: ".Length..^1].Split(", ").Order());
    }

    [Fact]
    public async Task Map_ChildrenSkipThemselves_TheyGiveNoElementAndTheMapSucceeds()
    {
        var runId = await cluster.StartAsync(Skip);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal([0, 2, 4], Assert.IsAssignableFrom<IReadOnlyList<int>>(TaskProbes.ReceivedBy(runId, "evens")));
        Assert.Equal(TaskRunStatus.Skipped, final.TaskStatuses["kept[3]"]);
    }

    [Fact]
    public async Task Map_ResumedAfterAChildFailed_OnlyThatChildRunsAgain()
    {
        var runId = await cluster.StartAsync(Resume);
        Assert.Equal(FlowRunStatus.Failed, (await cluster.WaitForFlowAsync(runId)).Status);

        TaskProbes.Mark(runId, "healed");
        await cluster.FlowRun(runId).ResumeAsync();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal([100, 101, 102], Assert.IsAssignableFrom<IReadOnlyList<int>>(TaskProbes.ReceivedBy(runId, "total")));
        Assert.Equal((1, 2, 1), (TaskProbes.CountOf(runId, "heal[0]"), TaskProbes.CountOf(runId, "heal[1]"), TaskProbes.CountOf(runId, "heal[2]")));
    }

    [Fact]
    public async Task Map_ChildOutputLostWithItsSilo_TheChildRunsAgainAndTheDownstreamGetsTheList()
    {
        var runId = await cluster.StartAsync(Lost);
        await cluster.WaitForFlowToSeeAsync(runId, "part", TaskRunStatus.Success);

        // A crash, not a graceful deactivation (which would store the held output first).
        await cluster.CrashSiloOfAsync(cluster.TaskRun(runId, "part[0]"));
        TaskProbes.Gate(runId, "gate").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal("31", (await cluster.TaskRun(runId, "sum").GetStateAsync()).Output?.Json); // 3+6+9+12, +1
        Assert.Equal(2, TaskProbes.CountOf(runId, "part[0]"));
    }

    [Fact]
    public async Task Map_FlowRunDeactivatedWhileChildrenRun_RebuildsItsViewFromTheMapAndEnds()
    {
        var runId = await cluster.StartAsync(Gated);
        foreach (var x in new[] { 0, 1, 2 })
        {
            await cluster.WaitForTaskAsync(runId, $"wait[{x}]", state => state.Status == TaskRunStatus.Running && TaskProbes.IsMarked(runId, $"started-{x}"));
        }

        await cluster.Cluster.DeactivateAsync(cluster.FlowRun(runId));
        TaskProbes.Gate(runId, "go").TrySetResult();
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal([1, 2, 3], Assert.IsAssignableFrom<IReadOnlyList<int>>(TaskProbes.ReceivedBy(runId, "total")));
        Assert.Equal(TaskRunStatus.Success, final.TaskStatuses["wait[2]"]);
    }

    [Fact]
    public async Task Map_ElementsCarryCanary_CanaryOnlyInHandlerStorageNeverInStateStorageOrSnapshot()
    {
        var canary = $"CANARY-{Guid.NewGuid():N}";
        var runId = TributaryClusterFixture.NewRunId();
        Canaries[runId] = canary;
        await cluster.StartAsync(runId, Canary);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal(2, (await cluster.TaskRun(runId, "echo[1]").GetStateAsync()).Attempt); // its element was cached for the retry
        var hits = await cluster.FindInTablesAsync(canary, runId);
        Assert.Contains(hits, hit => hit.Contains(runId, StringComparison.Ordinal)); // the scan reads the run's states...
        Assert.DoesNotContain(hits, hit => hit.Contains(canary, StringComparison.Ordinal)); // ...and no raw value is among them
        var snapshot = JsonSerializer.Serialize(await cluster.FlowRun(runId).GetSnapshotAsync());
        Assert.Contains("echo[1]", snapshot);
        Assert.DoesNotContain(canary, snapshot);
        // The handler's files hold it, so the scans could have found it: the list, each child's output, the joined list.
        var files = Directory.GetFiles(cluster.Storage.Directory("map-canary"), "*", SearchOption.AllDirectories)
            .Where(file => file.Contains(runId, StringComparison.Ordinal) && TributaryClusterFixture.Holds(File.ReadAllBytes(file), canary));
        Assert.Equal(4, files.Count());
    }
}
