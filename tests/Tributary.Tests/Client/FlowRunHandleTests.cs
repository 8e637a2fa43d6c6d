using Tributary.Client;
using Tributary.Flows;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Tests.Client;

/// <summary>A run handle goes through <see cref="ITributaryClient"/> alone, so a user's test double serves it too.</summary>
public sealed class FlowRunHandleTests
{
    [Fact]
    public async Task GetResultAsync_OverAFakeClient_AsksTheClientForTheRunAndTheNode()
    {
        var sums = new SumFlow();
        var fake = new FakeClient();
        var run = fake.GetFlowRunHandle("run-1");

        var total = await run.GetResultAsync(sums.Total);

        Assert.Equal(7, total);
        Assert.Equal(("run-1", SumFlow.Name, "total"), fake.LastRead);
        Assert.Equal("run-1", run.Id);
        Assert.Same(fake, run.Client);
    }

    [Fact]
    public void Constructor_EmptyRunId_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new FakeClient().GetFlowRunHandle(" "));
    }

    /// <summary>A test double of the kind a user writes: answers typed reads with 7 and records what it was asked.</summary>
    private sealed class FakeClient : ITributaryClient
    {
        public (string RunId, string Flow, string Task)? LastRead { get; private set; }

        public Task<TOut> GetResultAsync<TOut>(string flowRunId, TaskNode<TOut> task, CancellationToken cancellationToken = default)
        {
            LastRead = (flowRunId, task.FlowName, task.Name);
            return Task.FromResult((TOut)(object)7);
        }

        public Task<string> StartFlowRunAsync(
            string flowName, IReadOnlyDictionary<string, object?>? parameters = null, string? flowRunId = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<string> StartFlowRunWithJsonAsync(
            string flowName, IReadOnlyDictionary<string, string> parameters, string? flowRunId = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<Tributary.Index.FlowRunPage> ListFlowRunsAsync(
            Tributary.Index.FlowRunFilter? filter = null, int pageSize = 50, string? pageToken = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<FlowRunState> CancelFlowRunAsync(string flowRunId, string? reason = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<FlowRunState> ResumeFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<FlowRunSnapshot> GetFlowRunAsync(string flowRunId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<FlowRunSnapshot> WaitForFlowRunAsync(
            string flowRunId, TimeSpan timeout, IProgress<FlowRunSnapshot>? progress = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<TaskRunPage> GetTaskRunsPageAsync(string flowRunId, int offset = 0, int limit = 100, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<FlowRunProgress> GetFlowRunProgressAsync(string flowRunId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<FlowRunProgress> WaitForFlowRunProgressAsync(
            string flowRunId, TimeSpan timeout, IProgress<FlowRunProgress>? progress = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<Result> ReadTaskResultAsync(string flowRunId, string taskName, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<Result<T>> ReadTaskResultAsync<T>(string flowRunId, string taskName, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
