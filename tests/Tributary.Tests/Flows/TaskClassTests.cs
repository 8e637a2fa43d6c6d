using Microsoft.Extensions.DependencyInjection;
using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>
/// A task written as a class is wired with compile-time types, identified by its class in the flow's version, and
/// created for each call from a scope of the given services, which is disposed after the call.
/// </summary>
public sealed class TaskClassTests
{
    [Fact]
    public void Task_ClassWithTupleInput_WiresOneEngineInputPerItemAndRunsTheClassCode()
    {
        var flow = new FlowBuilder("class-wiring");
        var text = flow.Parameter<string>("text");
        var count = flow.Parameter<int>("count");
        var node = flow.Task<Repeat, string, int, string>("repeat", text, count);

        var task = flow.Build().Tasks["repeat"];

        Assert.Equal([new TaskInput("input1", typeof(string)), new TaskInput("input2", typeof(int))], task.Function.Inputs);
        Assert.Equal(new Dictionary<string, string> { ["input1"] = "text", ["input2"] = "count" }, task.Edges);
        Assert.Equal(typeof(Repeat), task.Function.TaskClass);
        Assert.Equal(typeof(Repeat), task.Function.Method.DeclaringType);
        Assert.Equal(nameof(Repeat.RunAsync), task.Function.Method.Name);
        Assert.Equal(typeof(string), task.Function.OutputType);
        Assert.Equal("repeat", node.Name);
    }

    [Fact]
    public void Version_SameCodeInAnotherClass_Differs()
    {
        // Constant and Constant2 have the same RunAsync body: the class itself is part of the task's identity.
        Assert.Equal(Versioned<Constant>(), Versioned<Constant>());
        Assert.NotEqual(Versioned<Constant>(), Versioned<Constant2>());
    }

    [Fact]
    public void Task_AbstractClass_ThrowsNamingIt()
    {
        var flow = new FlowBuilder("abstract");

        var error = Assert.Throws<ArgumentException>(() => flow.Task<AbstractTask, int>("abstract"));

        Assert.Contains(typeof(AbstractTask).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("'abstract'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ClassTaskGivenANodeOfTheWrongType_FailsToCompile()
    {
        const string Source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Tributary.Flows;

            public sealed class Length : ITask<string, int>
            {
                public Task<int> RunAsync(string input, TaskRunContext context, CancellationToken ct) => Task.FromResult(input.Length);
            }

            public static class Snippet
            {
                public static void Define()
                {
                    var flow = new FlowBuilder("snippet");
                    flow.Task<Length, string, int>("length", INPUT);
                }
            }
            """;

        Assert.Empty(TypedWiringCompileTests.Errors(Source.Replace("INPUT", "flow.Parameter<string>(\"text\")", StringComparison.Ordinal)));
        var errors = TypedWiringCompileTests.Errors(Source.Replace("INPUT", "flow.Parameter<int>(\"number\")", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Id == "CS1503"
            && error.GetMessage().Contains("cannot convert from 'Tributary.Flows.Parameter<int>'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvokeAsync_ScopedServiceAndDisposableTask_AreNewForEachCallAndDisposedAfterIt()
    {
        await using var services = new ServiceCollection().AddScoped<Resource>().BuildServiceProvider(validateScopes: true);
        var flow = new FlowBuilder("scoped");
        flow.Task<UsesResource, Resource>("use");
        var function = flow.Build().Tasks["use"].Function;

        var first = (Resource)(await function.InvokeAsync([], Context(1), services, CancellationToken.None))!;
        var second = (Resource)(await function.InvokeAsync([], Context(2), services, CancellationToken.None))!;

        Assert.NotSame(first, second);
        Assert.True(first.Disposed);
        Assert.True(second.Disposed);
        Assert.True(first.TaskDisposed); // the task instance, made by ActivatorUtilities, is disposed too
    }

    [Fact]
    public async Task InvokeAsync_RegisteredClass_ComesFromItsRegistrationAndTheScopeDisposesIt()
    {
        var resource = new Resource();
        await using var services = new ServiceCollection().AddScoped(_ => new UsesResource(resource)).BuildServiceProvider();
        var flow = new FlowBuilder("registered");
        flow.Task<UsesResource, Resource>("use");
        var function = flow.Build().Tasks["use"].Function;

        var given = await function.InvokeAsync([], Context(1), services, CancellationToken.None);

        Assert.Same(resource, given); // Resource is not registered: only the registration's factory could give it
        Assert.True(resource.TaskDisposed);
    }

    [Fact]
    public async Task InvokeAsync_ServiceNotRegistered_ThrowsNonRetryableNamingClassAndService()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        var flow = new FlowBuilder("missing");
        flow.Task<UsesResource, Resource>("use");
        var function = flow.Build().Tasks["use"].Function;

        var error = await Assert.ThrowsAsync<NonRetryableTaskException>(() => function.InvokeAsync([], Context(1), services, CancellationToken.None));

        Assert.Contains(typeof(UsesResource).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Resource).FullName!, error.Message, StringComparison.Ordinal);
    }

    private static TaskRunContext Context(int attempt) => new("run", "use", attempt);

    private static string Versioned<TTask>()
        where TTask : class, ITask<int>
    {
        var flow = new FlowBuilder("versioned");
        flow.Task<TTask, int>("t");
        return flow.Build().Version;
    }

    /// <summary>Repeats a text.</summary>
    public sealed class Repeat : ITask<(string Text, int Count), string>
    {
        /// <inheritdoc />
        public Task<string> RunAsync((string Text, int Count) input, TaskRunContext context, CancellationToken cancellationToken) =>
            Task.FromResult(string.Concat(Enumerable.Repeat(input.Text, input.Count)));
    }

    /// <summary>Gives 1.</summary>
    public sealed class Constant : ITask<int>
    {
        /// <inheritdoc />
        public Task<int> RunAsync(TaskRunContext context, CancellationToken cancellationToken) => Task.FromResult(1);
    }

    /// <summary>Gives 1 too.</summary>
    public sealed class Constant2 : ITask<int>
    {
        /// <inheritdoc />
        public Task<int> RunAsync(TaskRunContext context, CancellationToken cancellationToken) => Task.FromResult(1);
    }

    /// <summary>Not creatable.</summary>
    public abstract class AbstractTask : ITask<int>
    {
        /// <inheritdoc />
        public abstract Task<int> RunAsync(TaskRunContext context, CancellationToken cancellationToken);
    }

    /// <summary>A scoped service.</summary>
    public sealed class Resource : IDisposable
    {
        /// <summary>Whether its scope disposed it.</summary>
        public bool Disposed { get; private set; }

        /// <summary>Whether the task that had it was disposed.</summary>
        public bool TaskDisposed { get; set; }

        /// <inheritdoc />
        public void Dispose() => Disposed = true;
    }

    /// <summary>Gives back its scoped resource; disposable itself.</summary>
    public sealed class UsesResource(Resource resource) : ITask<Resource>, IDisposable
    {
        /// <inheritdoc />
        public Task<Resource> RunAsync(TaskRunContext context, CancellationToken cancellationToken) => Task.FromResult(resource);

        /// <inheritdoc />
        public void Dispose() => resource.TaskDisposed = true;
    }
}
