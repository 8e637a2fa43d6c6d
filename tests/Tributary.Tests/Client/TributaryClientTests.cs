using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
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

    // Guards a fixed bug: while calls kept failing, the wait asked again at once, in a tight loop.
    [Fact]
    public async Task WaitForFlowRunAsync_CallsKeepFailing_PausesBetweenCallsAndStillTimesOut()
    {
        var time = new FakeTimeProvider();
        var grain = new UnreachableFlowRunGrain(time);
        var client = new TributaryClient(FakeClusterClient.For(grain), new ResultHandlerCatalog(), host: null) { Time = time };

        var wait = client.WaitForFlowRunAsync("run", TimeSpan.FromSeconds(10));
        await Retries.ClusterCallRetryTests.AdvanceUntilDoneAsync(time, wait);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => wait);
        Assert.Contains("'run'", error.Message);
        var calls = grain.CallTimes.ToArray();
        // Exponential back-off with jitter from 0.1 s up to 2 s: a handful of calls in 10 s, never two at the same moment.
        Assert.InRange(calls.Length, 5, 60);
        for (var i = 1; i < calls.Length; i++)
        {
            Assert.True(calls[i] > calls[i - 1], $"Call {i + 1} came at the same moment as call {i}.");
        }
    }

    [Fact]
    public async Task WaitForFlowRunAsync_ClusterGoneLongerThanRetryFor_ThrowsClusterUnreachableNamingTheWait()
    {
        var time = new FakeTimeProvider();
        var grain = new UnreachableFlowRunGrain(time);
        var client = new TributaryClient(FakeClusterClient.For(grain), new ResultHandlerCatalog(), host: null) { Time = time };

        var wait = client.WaitForFlowRunAsync("run", TimeSpan.FromMinutes(10));
        await Retries.ClusterCallRetryTests.AdvanceUntilDoneAsync(time, wait);

        var error = await Assert.ThrowsAsync<ClusterUnreachableException>(() => wait);
        Assert.StartsWith("Waiting for flow run 'run' could not reach Tributary cluster", error.Message);
    }

    // A run id is a promise: a start tried again after a fault that hid the first answer asks for the same run.
    [Fact]
    public async Task StartFlowRunAsync_FirstTryFails_TriesAgainWithTheSameRunId()
    {
        var grain = new FlakyStartFlowRunGrain();
        var cluster = FakeClusterClient.For(grain);
        var client = new TributaryClient(cluster, new ResultHandlerCatalog(), host: null);

        var runId = await client.StartFlowRunAsync("sums", new Dictionary<string, object?> { ["a"] = 1 });

        Assert.Equal(2, grain.Starts);
        Assert.Equal([runId, runId], FakeClusterClient.KeysAskedOf(cluster));
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
    private sealed class UnreachableFlowRunGrain(TimeProvider time) : UnsupportedFlowRunGrain
    {
        public ConcurrentQueue<DateTimeOffset> CallTimes { get; } = new();

        public SemaphoreSlim Called { get; } = new(0);

        public override Task<FlowRunState> WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
        {
            CallTimes.Enqueue(time.GetUtcNow());
            Called.Release();
            return Task.FromException<FlowRunState>(new SiloUnavailableException("The silo is gone."));
        }
    }

    /// <summary>A flow-run grain whose first start fails as a call through a dead gateway does, and whose second succeeds.</summary>
    private sealed class FlakyStartFlowRunGrain : UnsupportedFlowRunGrain
    {
        public int Starts { get; private set; }

        public override Task<FlowRunState> StartAsync(string flowName, ImmutableDictionary<string, string> parameters) =>
            ++Starts == 1
                ? Task.FromException<FlowRunState>(new SiloUnavailableException("The target silo became unavailable."))
                : Task.FromResult(new FlowRunState { FlowRunId = "ignored", FlowName = flowName, Status = FlowRunStatus.Running });
    }

    /// <summary>A flow-run grain stand-in on which every call fails as unsupported, unless a test's fake overrides it.</summary>
    private abstract class UnsupportedFlowRunGrain : IFlowRunGrain
    {
        public virtual Task<FlowRunState> StartAsync(string flowName, ImmutableDictionary<string, string> parameters) => throw new NotSupportedException();

        public virtual Task<FlowRunState> StartAsync(string flowName, ImmutableDictionary<string, string> parameters, FlowRunOptions options) => throw new NotSupportedException();

        public virtual Task<FlowRunState> WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<FlowRunState> GetStateAsync() => throw new NotSupportedException();

        public Task<FlowRunSnapshot> GetSnapshotAsync() => throw new NotSupportedException();

        public Task<TaskRunPage> GetTaskPageAsync(int offset, int limit) => throw new NotSupportedException();

        public Task<FlowRunState> ResumeAsync() => throw new NotSupportedException();

        public Task<FlowRunState> CancelAsync(string? reason = null) => throw new NotSupportedException();

        public Task OnTaskFinishedAsync(TaskRunReport report) => throw new NotSupportedException();

        public Task OnTaskStateChangedAsync(TaskRunState state) => throw new NotSupportedException();

        public Task<bool> DeleteAsync() => throw new NotSupportedException();

        public Task<FlowRunProgress> WaitForChangeAsync(string? sinceVersion, TimeSpan maxWait, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    /// <summary>
    /// A cluster client whose every <c>GetGrain</c> gives one grain (recording the keys asked for), with no services of
    /// its own (so the SDK's defaults apply); nothing else is supported.
    /// </summary>
    public class FakeClusterClient : DispatchProxy
    {
        private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();
        private readonly ConcurrentQueue<string> _keys = new();
        private object? _grain;

        public static IClusterClient For(object grain)
        {
            var client = DispatchProxy.Create<IClusterClient, FakeClusterClient>();
            ((FakeClusterClient)(object)client)._grain = grain;
            return client;
        }

        /// <summary>The string keys <c>GetGrain</c> was asked for, in order.</summary>
        public static string[] KeysAskedOf(IClusterClient client) => [.. ((FakeClusterClient)(object)client)._keys];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case nameof(IGrainFactory.GetGrain):
                    if (args is [string key, ..])
                    {
                        _keys.Enqueue(key);
                    }

                    return _grain;
                case "get_" + nameof(IClusterClient.ServiceProvider):
                    return NoServices;
                default:
                    throw new NotSupportedException(targetMethod?.Name);
            }
        }
    }
}
