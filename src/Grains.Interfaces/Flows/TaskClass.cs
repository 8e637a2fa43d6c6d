using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Tributary.Flows;

/// <summary>
/// A task written as a class (<see cref="ITask{TIn, TOut}"/>, <see cref="ITask{TOut}"/>): how one attempt creates it
/// from the silo's services, runs it and disposes of it and its scope.
/// </summary>
internal sealed class TaskClass
{
    private readonly Func<object, object?[], Task<object?>> _run;

    /// <param name="type">The class.</param>
    /// <param name="runMethod">The class's implementation of <c>RunAsync</c> (its code, for the flow's version).</param>
    /// <param name="run">Calls <c>RunAsync</c> on an instance with the attempt's arguments (inputs, context, token).</param>
    public TaskClass(Type type, MethodInfo runMethod, Func<object, object?[], Task<object?>> run)
    {
        Type = type;
        RunMethod = runMethod;
        _run = run;
    }

    /// <summary>The class.</summary>
    public Type Type { get; }

    /// <summary>The class's <c>RunAsync</c>.</summary>
    public MethodInfo RunMethod { get; }

    /// <summary>Makes the class's description for a task of a flow: its <c>RunAsync</c> implementation.</summary>
    /// <exception cref="ArgumentException">The class is abstract or an interface (the services cannot create it).</exception>
    public static TaskClass Of<TTask>(Type contract, string taskName, Func<TTask, object?[], Task<object?>> run)
        where TTask : class
    {
        var type = typeof(TTask);
        if (type.IsAbstract || type.IsInterface)
        {
            throw new ArgumentException(
                $"Task '{taskName}': {type} is abstract; give a concrete class, which each attempt creates from the silo's services.", nameof(TTask));
        }

        var map = type.GetInterfaceMap(contract);
        var runMethod = map.TargetMethods[Array.FindIndex(map.InterfaceMethods, method => method.Name == nameof(ITask<int>.RunAsync))];
        return new TaskClass(type, runMethod, (instance, arguments) => run((TTask)instance, arguments));
    }

    /// <summary>
    /// Runs one attempt: a new scope of <paramref name="services"/>, the class created in it, its <c>RunAsync</c>, then
    /// the instance and the scope disposed (whatever the outcome).
    /// </summary>
    /// <exception cref="NonRetryableTaskException">The services cannot create the class (a missing registration).</exception>
    public async Task<object?> RunAsync(IServiceProvider? services, object?[] arguments)
    {
        if (services is null)
        {
            throw new NonRetryableTaskException($"Task class {Type} is created from a silo's services, and none were given to run it.");
        }

        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            object instance;
            object? registered;
            try
            {
                // A registered class (a typed HttpClient from AddHttpClient<TTask>(), say) comes from its registration, in
                // this scope; any other is created with ActivatorUtilities, so it need not be registered.
                registered = scope.ServiceProvider.GetService(Type);
                instance = registered ?? ActivatorUtilities.CreateInstance(scope.ServiceProvider, Type);
            }
            catch (InvalidOperationException ex)
            {
                // A service that is not registered (or no constructor the services can call) stays missing on this silo
                // however often the attempt is retried: fail at once, naming the class and (in the inner message) the service.
                throw new NonRetryableTaskException(
                    $"Task class {Type} could not be created from the silo's services: {ex.Message} Register what it needs on the silo "
                    + "(TributaryBuilder.Services, or the host's services).",
                    ex);
            }

            try
            {
                return await _run(instance, arguments).ConfigureAwait(false);
            }
            finally
            {
                // Created by ActivatorUtilities, the instance is not the scope's to dispose (a registered one is).
                if (registered is null)
                {
                    await DisposeAsync(instance).ConfigureAwait(false);
                }
            }
        }
    }

    private static async ValueTask DisposeAsync(object instance)
    {
        if (instance is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else if (instance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
