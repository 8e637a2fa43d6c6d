using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Client;

/// <summary>The SDK names what is wrong when a result is asked of an unknown run or task, and waits calmly on a failing cluster.</summary>
public sealed class TributaryClientTests(TributaryClientTests.EmbeddedPair embedded) : IClassFixture<TributaryClientTests.EmbeddedPair>
{
    // Guards a fixed bug: an unknown run answered "task 'x' is Pending, not Success", naming no run.
    [Fact]
    public async Task ReadTaskResultAsync_UnknownRun_ThrowsArgumentExceptionNamingTheRun()
    {
        var error = await Assert.ThrowsAsync<FlowRunNotFoundException>(() => embedded.Client.ReadTaskResultAsync("no-such-run", "first"));

        Assert.Contains("There is no flow run 'no-such-run'", error.Message);
        Assert.Equal("flowRunId", error.ParamName);
    }

    // Guards a fixed bug: a task name the run does not have answered "task 'x' is Pending, not Success".
    [Fact]
    public async Task ReadTaskResultAsync_UnknownTask_ThrowsArgumentExceptionNamingTaskRunAndTheRunsTasks()
    {
        var runId = await embedded.RunAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => embedded.Client.ReadTaskResultAsync<int>(runId, "thrid"));

        Assert.Contains("'thrid'", error.Message);
        Assert.Contains($"'{runId}'", error.Message);
        Assert.Contains("its tasks: first, second", error.Message);
        Assert.Equal("taskName", error.ParamName);
    }

    [Fact]
    public async Task ReadTaskResultAsync_TaskOfTheRun_GivesItsOutput()
    {
        var runId = await embedded.RunAsync();

        var second = await embedded.Client.ReadTaskResultAsync<int>(runId, "second");

        Assert.Equal(42, second.Value);
    }

    [Fact]
    public void RetryDelay_FailuresInARow_StartsAt100MsAndDoublesUpTo1s()
    {
        Assert.Equal(
            [100, 200, 400, 800, 1000, 1000],
            Enumerable.Range(1, 6).Select(failures => TributaryClient.RetryDelay(failures).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromSeconds(1), TributaryClient.RetryDelay(int.MaxValue));
    }

    // Guards a fixed bug: while calls kept failing, the wait asked again at once, in a tight loop.
    [Fact]
    public async Task WaitForFlowRunAsync_CallsKeepFailing_PausesLongerBeforeEachNewCallAndStillTimesOut()
    {
        var time = new FakeTimeProvider();
        var grain = new UnreachableFlowRunGrain(time);
        var client = new TributaryClient(FakeClusterClient.For(grain), new ResultHandlerCatalog(), host: null) { Time = time };

        var wait = client.WaitForFlowRunAsync("run", TimeSpan.FromMinutes(1));
        // Move the clock in small steps until six calls were made, giving the client a moment to call after each step.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (grain.CallTimes.Count < 6)
        {
            patience.Token.ThrowIfCancellationRequested();
            await grain.Called.WaitAsync(TimeSpan.FromMilliseconds(2));
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var calls = grain.CallTimes.ToArray();
        for (var i = 1; i < calls.Length; i++)
        {
            Assert.True(
                calls[i] - calls[i - 1] >= TributaryClient.RetryDelay(i),
                $"Call {i + 1} came {(calls[i] - calls[i - 1]).TotalMilliseconds} ms after call {i}; expected at least {TributaryClient.RetryDelay(i).TotalMilliseconds} ms.");
        }

        time.Advance(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => wait);
        Assert.Contains("'run'", error.Message);
    }

    /// <summary>One embedded silo for the class, running the flow <c>pair</c>: first gives 41, second adds one.</summary>
    public sealed class EmbeddedPair : IAsyncLifetime
    {
        private readonly TempDirectory _results = new();

        public TributaryClient Client { get; private set; } = null!;

        public async Task<string> RunAsync()
        {
            var runId = await Client.StartFlowRunAsync("pair");
            var final = await Client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(30));
            Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
            return runId;
        }

        public async Task InitializeAsync()
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Tributary:ResultHandler:Settings:directory"] = _results.Path })
                .Build();
            var flow = new FlowBuilder("pair");
            var first = flow.Task("first", () => 41);
            flow.Task("second", (int value) => value + 1).WithInput("value", first);
            var definition = flow.Build();
            Client = await TributaryClientFactory.StartEmbeddedAsync(t => t.AddFlow(definition), configuration);
        }

        public async Task DisposeAsync()
        {
            if (Client is not null)
            {
                await Client.DisposeAsync();
            }

            _results.Dispose();
        }
    }

    /// <summary>A flow-run grain on a cluster that cannot be reached: every wait fails as Orleans fails it.</summary>
    private sealed class UnreachableFlowRunGrain(TimeProvider time) : IFlowRunGrain
    {
        public ConcurrentQueue<DateTimeOffset> CallTimes { get; } = new();

        public SemaphoreSlim Called { get; } = new(0);

        public Task<FlowRunState> WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
        {
            CallTimes.Enqueue(time.GetUtcNow());
            Called.Release();
            return Task.FromException<FlowRunState>(new OrleansException("The silo is gone."));
        }

        public Task<FlowRunState> StartAsync(string flowName, ImmutableDictionary<string, string> parameters) => throw new NotSupportedException();

        public Task<FlowRunState> StartAsync(string flowName, ImmutableDictionary<string, string> parameters, FlowRunOptions options) => throw new NotSupportedException();

        public Task<FlowRunState> GetStateAsync() => throw new NotSupportedException();

        public Task<FlowRunSnapshot> GetSnapshotAsync() => throw new NotSupportedException();

        public Task<FlowRunState> ResumeAsync() => throw new NotSupportedException();

        public Task<FlowRunState> CancelAsync(string? reason = null) => throw new NotSupportedException();

        public Task OnTaskFinishedAsync(TaskRunReport report) => throw new NotSupportedException();

        public Task OnTaskStateChangedAsync(TaskRunState state) => throw new NotSupportedException();

        public Task<FlowRunProgress> WaitForChangeAsync(string? sinceVersion, TimeSpan maxWait, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    /// <summary>A cluster client whose every <c>GetGrain</c> gives one grain; nothing else is supported.</summary>
    public class FakeClusterClient : DispatchProxy
    {
        private object? _grain;

        public static IClusterClient For(object grain)
        {
            var client = DispatchProxy.Create<IClusterClient, FakeClusterClient>();
            ((FakeClusterClient)(object)client)._grain = grain;
            return client;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IGrainFactory.GetGrain) ? _grain : throw new NotSupportedException(targetMethod?.Name);
    }
}
