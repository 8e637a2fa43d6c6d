using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// Tasks written as classes (<see cref="ITask{TIn, TOut}"/>) are created from the silo's services for each attempt: they
/// get registered services and loggers, a scoped service is new for each attempt and disposed after it, and a class
/// the services cannot create fails at once, naming the class and the missing service.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class ServiceTaskTests(TributaryClusterFixture cluster)
{
    private const string Greeting = "service-greeting";
    private const string ScopedRetry = "service-scoped-retry";
    private const string Missing = "service-missing";
    private static readonly TaskOptions Json = new() { ResultHandler = ResultHandlers.Json, Checkpoint = true };

    /// <summary>The services the test tasks take, registered on every silo of the shared cluster.</summary>
    internal static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<Greeter>();
        services.AddScoped<AttemptResource>();
    }

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var greeting = new FlowBuilder(Greeting);
        var name = greeting.Parameter<string>("name");
        var times = greeting.Parameter("times", defaultValue: 2);
        var greet = greeting.Task<GreetTask, string, string>("greet", name);
        var repeat = greeting.Task<RepeatTask, string, int, string>("repeat", greet, times);
        greeting.Task("shout", (string text) => text.ToUpperInvariant(), repeat, Json);
        yield return greeting.Build();

        var scoped = new FlowBuilder(ScopedRetry);
        scoped.Task<ScopedRetryTask, bool>("scoped", new TaskOptions { MaxRetries = 1, ResultHandler = ResultHandlers.Json, Checkpoint = true });
        yield return scoped.Build();

        var missing = new FlowBuilder(Missing);
        missing.Task<NeedsUnregisteredService, int>("needy", new TaskOptions { MaxRetries = 3 });
        yield return missing.Build();
    }

    [Fact]
    public async Task Run_ClassTasks_GetRegisteredServiceAndLoggerAndPassTypedOutputsOn()
    {
        var runId = await cluster.StartAsync(Greeting, ("name", "Ada"));

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        var shout = await cluster.TaskRun(runId, "shout").GetStateAsync();
        Assert.Equal("HELLO, ADA HELLO, ADA", JsonNode.Parse(shout.Output!.Json)!.GetValue<string>());
        Assert.Equal(true, TaskProbes.ReceivedBy(runId, "greet")); // it had an ILogger<GreetTask>
    }

    [Fact]
    public async Task Run_ScopedServiceWithRetry_IsNewForEachAttemptAndDisposedAfterIt()
    {
        var runId = await cluster.StartAsync(ScopedRetry);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        var first = AttemptResource.Of(runId, attempt: 1);
        var second = AttemptResource.Of(runId, attempt: 2);
        Assert.NotSame(first, second);
        Assert.True(first.Disposed);
        Assert.True(second.Disposed); // the scope ends with the attempt, before its success is reported
        var scoped = await cluster.TaskRun(runId, "scoped").GetStateAsync();
        Assert.Equal("true", scoped.Output!.Json); // attempt 2 found attempt 1's resource already disposed
    }

    [Fact]
    public async Task Run_ServiceNotRegistered_FailsWithoutRetriesNamingClassAndService()
    {
        var runId = await cluster.StartAsync(Missing);

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Failed, final.Status);
        var needy = await cluster.TaskRun(runId, "needy").GetStateAsync();
        Assert.Equal(TaskRunStatus.Failed, needy.Status);
        Assert.Equal(1, needy.Attempt); // MaxRetries = 3, but a missing registration stays missing
        Assert.Contains(typeof(NeedsUnregisteredService).FullName!, needy.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(UnregisteredService), needy.Message, StringComparison.Ordinal);
    }

    /// <summary>A singleton service.</summary>
    public sealed class Greeter
    {
        /// <summary>Greets.</summary>
        public string Greet(string name) => $"Hello, {name}";
    }

    /// <summary>A scoped service that remembers, per run and attempt, which instance an attempt had and whether it was disposed.</summary>
    public sealed class AttemptResource : IDisposable
    {
        private static readonly ConcurrentDictionary<(string Run, int Attempt), AttemptResource> ByAttempt = new();

        /// <summary>Whether the scope disposed it.</summary>
        public bool Disposed { get; private set; }

        /// <summary>The instance an attempt had.</summary>
        public static AttemptResource Of(string runId, int attempt) => ByAttempt[(runId, attempt)];

        /// <summary>Records this instance as the attempt's.</summary>
        public void Claim(TaskRunContext context) => Assert.True(ByAttempt.TryAdd((context.FlowRunId, context.Attempt), this));

        /// <inheritdoc />
        public void Dispose() => Disposed = true;
    }

    /// <summary>A service nobody registers.</summary>
    public sealed class UnregisteredService;

    /// <summary>Greets through a singleton, logging through its own logger.</summary>
    public sealed class GreetTask(Greeter greeter, ILogger<GreetTask> logger) : ITask<string, string>
    {
        /// <inheritdoc />
        public Task<string> RunAsync(string input, TaskRunContext context, CancellationToken cancellationToken)
        {
            logger.LogInformation("Greeting {Name}", input);
            TaskProbes.Record(context, logger is not null);
            return Task.FromResult(greeter.Greet(input));
        }
    }

    /// <summary>Takes two inputs as a tuple.</summary>
    public sealed class RepeatTask : ITask<(string Text, int Times), string>
    {
        /// <inheritdoc />
        public Task<string> RunAsync((string Text, int Times) input, TaskRunContext context, CancellationToken cancellationToken) =>
            Task.FromResult(string.Join(' ', Enumerable.Repeat(input.Text, input.Times)));
    }

    /// <summary>Fails its first attempt; the second says whether the first attempt's scoped resource was disposed by then.</summary>
    public sealed class ScopedRetryTask(AttemptResource resource) : ITask<bool>
    {
        /// <inheritdoc />
        public Task<bool> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
        {
            resource.Claim(context);
            return context.Attempt == 1
                ? throw new InvalidOperationException("first attempt fails")
                : Task.FromResult(AttemptResource.Of(context.FlowRunId, 1).Disposed && !resource.Disposed);
        }
    }

    /// <summary>Needs a service that is not registered.</summary>
    public sealed class NeedsUnregisteredService(UnregisteredService service) : ITask<int>
    {
        /// <inheritdoc />
        public Task<int> RunAsync(TaskRunContext context, CancellationToken cancellationToken) => Task.FromResult(service.GetHashCode());
    }
}
