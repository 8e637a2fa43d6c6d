using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Tributary.Client.Retention;
using Tributary.Handlers;
using Tributary.Index;
using Tributary.Results;
using Tributary.States;
using Tributary.Tests.Index;
using Tributary.Tests.Infrastructure;
using Tributary.Tests.Runs;

namespace Tributary.Tests.Retention;

// Which runs retention selects (by age, never a running run), and what it does when a handler fails half-way.
public sealed partial class RetentionTests
{
    [Fact]
    public async Task RetentionPlan_OlderThan_SelectsOnlyRunsEndedBeforeTheCutOffAndNeverRunningOnes()
    {
        var client = Client();
        var ended = await client.StartFlowRunAsync(Aged);
        await client.WaitForFlowRunAsync(ended, TributaryClusterFixture.Patience);
        var running = await client.StartFlowRunAsync(Held);
        await RunIndexTests.WaitForIndexAsync(client, new FlowRunFilter { FlowName = Aged }, runs => runs.Any(run => run.FlowRunId == ended && run.FinishedAt is not null));
        var tenDaysOn = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(10));

        var today = await client.PlanResultDeletionAsync(RetentionSelection.EndedMoreThan(5, Aged));
        var later = await Client(time: tenDaysOn).PlanResultDeletionAsync(RetentionSelection.EndedMoreThan(5, Aged));
        var laterHeld = await Client(time: tenDaysOn).PlanResultDeletionAsync(RetentionSelection.EndedMoreThan(0, Held));

        Assert.DoesNotContain(today.Runs, run => run.FlowRunId == ended);
        Assert.Contains(later.Runs, run => run.FlowRunId == ended);
        Assert.All(later.Runs, run => Assert.Equal(Aged, run.FlowName));
        Assert.DoesNotContain(laterHeld.Runs, run => run.FlowRunId == running);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.PlanResultDeletionAsync(RetentionSelection.Run(running)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.DeleteFlowRunAsync(running));
        Assert.Equal(FlowRunStatus.Running, (await client.GetFlowRunAsync(running)).Flow.Status);

        TaskProbes.Gate(running, "release").TrySetResult();
        await client.WaitForFlowRunAsync(running, TributaryClusterFixture.Patience);
    }

    [Fact]
    public async Task RetentionDelete_HandlerFailsForOneResult_ReportsItDeletesTheRestAndKeepsTheRun()
    {
        var (runId, snapshot) = await RunSquaresAsync();
        var failing = new FailingDeleteCatalog(fixture.Handlers, location => location.Contains("square_1_", StringComparison.Ordinal) || location.Contains("square[1]", StringComparison.Ordinal));

        var report = await Client(failing).DeleteResultsAsync(RetentionSelection.Run(runId), deleteRuns: true);

        var run = Assert.Single(report.Runs);
        Assert.True(report.HasFailures);
        var failed = Assert.Single(run.Results, result => result.Outcome == ResultDeletionOutcome.Failed);
        Assert.Equal("square[1]", failed.Result.TaskName);
        Assert.Contains("storage outage", failed.Error, StringComparison.Ordinal);
        Assert.All(run.Results.Where(result => result != failed), result => Assert.Equal(ResultDeletionOutcome.Deleted, result.Outcome));
        Assert.True(File.Exists(PathOf(failed.Result)));
        Assert.False(run.Cleaned);
        Assert.False(run.RunDeleted);
        Assert.Equal(FlowRunStatus.Success, (await Client().GetFlowRunAsync(runId)).Flow.Status);

        // The run still names what is left: a later deletion finds it, and only then is the run deleted.
        var retry = await Client().DeleteResultsAsync(RetentionSelection.Run(runId), deleteRuns: true);
        var again = Assert.Single(retry.Runs);
        Assert.Equal(ResultDeletionOutcome.Deleted, Assert.Single(again.Results, result => result.Result.TaskName == "square[1]").Outcome);
        Assert.True(again.RunDeleted);
        Assert.Empty(Directory.GetFiles(RunFolder(snapshot.Flow), "*", SearchOption.AllDirectories));
    }

    /// <summary>The client's catalog, whose local handler's deletion fails for some locations as a storage outage would.</summary>
    private sealed class FailingDeleteCatalog(IResultHandlerCatalog inner, Func<string, bool> fails) : IResultHandlerCatalog
    {
        public IResultHandler GetHandler(ResultHandlerDescriptor descriptor)
        {
            var handler = inner.GetHandler(descriptor);
            return handler is LocalResultHandler local ? new FailingDelete(local, fails) : handler;
        }

        public bool IsRegistered(string kind) => inner.IsRegistered(kind);
    }

    private sealed class FailingDelete(LocalResultHandler inner, Func<string, bool> fails) : IResultHandler, IResultLocationLister
    {
        public ResultHandlerDescriptor Descriptor => inner.Descriptor;

        public Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(value, valueType, cancellationToken);

        public Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(location, valueType, cancellationToken);

        public Task DeleteAsync(JsonNode? location, CancellationToken cancellationToken = default) =>
            fails(location!.GetValue<string>())
                ? throw new IOException($"storage outage deleting {location.GetValue<string>()}")
                : inner.DeleteAsync(location, cancellationToken);

        public Task<bool> ExistsAsync(JsonNode? location, CancellationToken cancellationToken = default) => inner.ExistsAsync(location, cancellationToken);

        public Task<IReadOnlyList<JsonNode>> ListRunLocationsAsync(string flowName, string flowRunId, DateOnly day, CancellationToken cancellationToken = default) =>
            inner.ListRunLocationsAsync(flowName, flowRunId, day, cancellationToken);
    }
}
