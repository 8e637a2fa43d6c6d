using Microsoft.Extensions.Time.Testing;
using Tributary.Client;
using Tributary.Client.Retention;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Index;
using Tributary.Results;
using Tributary.Serialization;
using Tributary.States;
using Tributary.Tests.Index;
using Tributary.Tests.Infrastructure;
using Tributary.Tests.Runs;

namespace Tributary.Tests.Retention;

/// <summary>Retention on the shared cluster: a dry run lists every result of a run, deletion removes them through their handlers, runs are deleted once clean.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed partial class RetentionTests(TributaryClusterFixture fixture)
{
    private const string Squares = "retention-squares";
    private const string Aged = "retention-aged";
    private const string Held = "retention-held";
    private const string Cached = "retention-cached";
    private const string Blobs = "retention-blobs";

    /// <summary>The flows of these tests: checkpointed outputs (a map's children's included) through the local handler.</summary>
    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var local = new TaskOptions { Checkpoint = true, ResultHandler = ResultHandlers.Local(storage.Directory("retention")) };
        var squares = new FlowBuilder(Squares);
        var numbers = squares.Task("numbers", () => new[] { 1, 2, 3 }, local);
        var square = squares.Map("square", (int x) => x * x, numbers, local);
        squares.Task("sum", (IReadOnlyList<int> xs) => xs.Sum(), square, local);
        yield return squares.Build();

        var aged = new FlowBuilder(Aged);
        aged.Task("one", () => 1, local);
        yield return aged.Build();

        var held = new FlowBuilder(Held);
        held.Task("wait", async (TaskRunContext context, CancellationToken cancellationToken) =>
        {
            await TaskProbes.Gate(context.FlowRunId, "release").Task.WaitAsync(cancellationToken);
            return 1;
        }, local);
        yield return held.Build();

        var cached = new FlowBuilder(Cached);
        cached.Task(
            "rate",
            (string tag) => tag.Length,
            cached.Parameter<string>("tag"),
            new TaskOptions
            {
                CacheFor = TimeSpan.FromHours(1),
                CacheValidator = global::Tributary.Caching.CacheValidator.AllInputs,
                Checkpoint = true,
                ResultHandler = ResultHandlers.Local(storage.Directory("retention")),
            });
        yield return cached.Build();

        var blobs = new FlowBuilder(Blobs);
        var inBlobs = new TaskOptions
        {
            Checkpoint = true,
            ResultHandler = ResultHandlers.AzureBlob(storage.Container, ResultFormat.MessagePack, ResultCodec.Brotli),
        };
        var rows = blobs.Task("rows", () => Enumerable.Range(0, 1000).Select(i => $"row-{i}").ToArray(), inBlobs);
        blobs.Task("count", (string[] all) => all.Length, rows, inBlobs);
        yield return blobs.Build();
    }

    private TributaryClient Client(IResultHandlerCatalog? handlers = null, TimeProvider? time = null) =>
        new(fixture.Client, handlers ?? fixture.Handlers) { Time = time ?? TimeProvider.System };

    private string RunFolder(FlowRunState run) => Path.Combine(
        [fixture.Storage.Directory("retention"), .. ResultKey.OfAttempt(run.FlowName, run.FlowRunId, "_", 1, run.StartedAt!.Value).ToRelativePath().Split('/')[..5]]);

    private async Task<(string RunId, FlowRunSnapshot Snapshot)> RunSquaresAsync()
    {
        var client = Client();
        var runId = await client.StartFlowRunAsync(Squares);
        var snapshot = await client.WaitForFlowRunAsync(runId, TributaryClusterFixture.Patience);
        Assert.Equal(FlowRunStatus.Success, snapshot.Flow.Status);
        return (runId, snapshot);
    }

    private static string PathOf(StoredResult result) => ((System.Text.Json.Nodes.JsonNode)result.Result.Value!).GetValue<string>();

    [Fact]
    public async Task RetentionPlan_FinishedRun_ListsEveryStoredResultMapChildrenIncludedAndDeletesNothing()
    {
        var (runId, snapshot) = await RunSquaresAsync();
        var onDisk = Directory.GetFiles(RunFolder(snapshot.Flow), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        var plan = await Client().PlanResultDeletionAsync(RetentionSelection.Run(runId));

        var run = Assert.Single(plan.Runs);
        Assert.Equal(runId, run.FlowRunId);
        Assert.Equal(onDisk, run.Results.Select(PathOf).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(
            ["numbers", "square[0]", "square[1]", "square[2]", "sum"],
            run.Results.Where(result => result.Role == StoredResultRole.Output).Select(result => result.TaskName).Order(StringComparer.Ordinal).ToArray());
        Assert.All(onDisk, path => Assert.True(File.Exists(path), path));
        Assert.Equal(FlowRunStatus.Success, (await Client().GetFlowRunAsync(runId)).Flow.Status);
    }

    [Fact]
    public async Task RetentionDelete_Run_RemovesItsFilesAndASecondDeleteFindsThemAlreadyGone()
    {
        var (runId, snapshot) = await RunSquaresAsync();
        var plan = await Client().PlanResultDeletionAsync(RetentionSelection.Run(runId));

        var first = await Client().DeleteResultsAsync(plan);
        var second = await Client().DeleteResultsAsync(plan);

        var deleted = Assert.Single(first.Runs);
        Assert.False(first.HasFailures);
        Assert.Equal(plan.Results.Count(), deleted.Results.Count);
        Assert.All(deleted.Results, result => Assert.Equal(ResultDeletionOutcome.Deleted, result.Outcome));
        Assert.Empty(Directory.GetFiles(RunFolder(snapshot.Flow), "*", SearchOption.AllDirectories));
        Assert.All(Assert.Single(second.Runs).Results, result => Assert.Equal(ResultDeletionOutcome.AlreadyGone, result.Outcome));
        Assert.False(deleted.RunDeleted); // not asked for: the run stays, listed, its outputs gone
        Assert.Equal(FlowRunStatus.Success, (await Client().GetFlowRunAsync(runId)).Flow.Status);
    }

    [Fact]
    public async Task RetentionSweep_CheckpointNoStateNames_IsListedAsUnnamedAndDeleted()
    {
        // As an attempt whose checkpoint was written but whose state never was: a file under the run's prefix.
        var (runId, snapshot) = await RunSquaresAsync();
        var ghost = Path.Combine(RunFolder(snapshot.Flow), "ghost", "attempt-9.json");
        Directory.CreateDirectory(Path.GetDirectoryName(ghost)!);
        await File.WriteAllTextAsync(ghost, "42");

        var plan = await Client().PlanResultDeletionAsync(RetentionSelection.Run(runId));
        var report = await Client().DeleteResultsAsync(plan);

        var unnamed = Assert.Single(plan.Results, result => result.Role == StoredResultRole.Unnamed);
        Assert.Equal(ghost, PathOf(unnamed));
        Assert.Equal("ghost", unnamed.TaskName);
        Assert.False(report.HasFailures);
        Assert.False(File.Exists(ghost));
    }

    [Fact]
    public async Task RetentionDelete_WithRuns_DeletesTheRunItsTaskStatesAndItsIndexEntry()
    {
        var (runId, snapshot) = await RunSquaresAsync();
        await RunIndexTests.WaitForIndexAsync(Client(), new FlowRunFilter { FlowName = Squares }, runs => runs.Any(run => run.FlowRunId == runId && run.Status == FlowRunStatus.Success));

        var report = await Client().DeleteResultsAsync(RetentionSelection.Run(runId), deleteRuns: true);

        var run = Assert.Single(report.Runs);
        Assert.True(run.Cleaned);
        Assert.True(run.RunDeleted);
        Assert.Equal(FlowRunStatus.NotFound, (await Client().GetFlowRunAsync(runId)).Flow.Status);
        foreach (var task in snapshot.Tasks)
        {
            Assert.Null(await fixture.ReadStoredTaskStateAsync(runId, task.TaskName));
        }

        var listed = await Client().ListFlowRunsAsync(new FlowRunFilter { FlowName = Squares }, pageSize: 1000);
        Assert.DoesNotContain(listed.Runs, listedRun => listedRun.FlowRunId == runId);
        Assert.False(await Client().DeleteFlowRunAsync(runId)); // again: nothing left
        await Assert.ThrowsAsync<FlowRunNotFoundException>(() => Client().PlanResultDeletionAsync(RetentionSelection.Run(runId)));
    }
}
