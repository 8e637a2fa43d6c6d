using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Tributary.Flows;

/// <summary>
/// A task's code: any delegate whose parameters are the task's inputs (plus an optional
/// <see cref="CancellationToken"/>) and whose return value is its output. Synchronous results,
/// <see cref="Task{TResult}"/>, <see cref="ValueTask{TResult}"/>, <see cref="Task"/>, <see cref="ValueTask"/>
/// and <see langword="void"/> are accepted; the last three give a <see langword="null"/> output. A parameter of type
/// <see cref="TaskRunContext"/> receives the attempt's context.
/// </summary>
public sealed class TaskFunction
{
    private readonly Delegate _delegate;
    private readonly int _cancellationTokenIndex;
    private readonly int _contextIndex;
    private readonly Func<object, Task<object?>>? _unwrap;
    private readonly TypedBinding? _binding;

    /// <summary>Wraps a delegate.</summary>
    /// <param name="function">The task's code; lambdas must declare their parameter types.</param>
    /// <exception cref="ArgumentException">The delegate has ref/out parameters.</exception>
    public TaskFunction(Delegate function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _delegate = function;
        // The method's parameters carry the names; a compiled expression's method has a leading closure parameter
        // that the delegate binds, so only the last Invoke-count parameters are the task's.
        var invokeCount = function.GetType().GetMethod("Invoke")!.GetParameters().Length;
        var parameters = function.Method.GetParameters()[^invokeCount..];
        _cancellationTokenIndex = -1;
        _contextIndex = -1;
        var inputs = new List<TaskInput>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                _cancellationTokenIndex = i;
                continue;
            }

            if (parameter.ParameterType == typeof(TaskRunContext))
            {
                _contextIndex = i;
                continue;
            }

            if (parameter.ParameterType.IsByRef)
            {
                throw new ArgumentException($"Task delegate parameter #{i} must be a by-value parameter; got '{parameter}'.", nameof(function));
            }

            // Unnamed parameters (dynamic methods, compiled expressions) are named by position: arg0, arg1, ...
            inputs.Add(new TaskInput(string.IsNullOrEmpty(parameter.Name) ? $"arg{i}" : parameter.Name, parameter.ParameterType));
        }

        Inputs = inputs;
        ParameterCount = parameters.Length;
        (OutputType, _unwrap) = DescribeReturn(function.Method.ReturnType);
    }

    /// <summary>A typed task's code: its arguments come from <paramref name="binding"/>, not from the delegate's parameters.</summary>
    internal TaskFunction(Delegate function, Type outputType, TypedBinding binding)
    {
        _delegate = function;
        _binding = binding;
        _cancellationTokenIndex = -1;
        _contextIndex = -1;
        Inputs = binding.Inputs;
        OutputType = outputType;
    }

    /// <summary>
    /// The inputs the engine fetches, in the order it passes their values: the delegate's parameters in order (without
    /// the cancellation token and the context) for a delegate given to <see cref="FlowBuilder.Task(string, Delegate, TaskOptions?)"/>;
    /// for a typed task, one per argument taken from a parameter or a task, one per gathered element and one per
    /// dependency (constants are not inputs).
    /// </summary>
    public IReadOnlyList<TaskInput> Inputs { get; }

    /// <summary>A typed task's constant arguments (name, JSON); empty for other tasks.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Constants => _binding?.Constants ?? [];

    /// <summary>A typed task's binding; <see langword="null"/> for a delegate bound by its parameter names.</summary>
    internal TypedBinding? Binding => _binding;

    /// <summary>The output type (the awaited type for async delegates; <see cref="object"/> when there is no output).</summary>
    public Type OutputType { get; }

    /// <summary>
    /// The method behind the delegate (for a lambda, the compiler-generated method that holds its body); for a task
    /// written as a class, the class's <c>RunAsync</c>.
    /// </summary>
    /// <remarks>Its identity and IL body are part of <see cref="FlowDefinition.Version"/>.</remarks>
    public MethodInfo Method => _binding?.Class?.RunMethod ?? _delegate.Method;

    /// <summary>
    /// For a task written as a class (<see cref="ITask{TIn, TOut}"/>, <see cref="ITask{TOut}"/>), the class, which each
    /// attempt creates from the silo's services; <see langword="null"/> for a delegate.
    /// </summary>
    public Type? TaskClass => _binding?.Class?.Type;

    private int ParameterCount { get; }

    /// <summary>Runs the code of a delegate task (a task written as a class needs services: see the other overload).</summary>
    /// <param name="inputs">The input values, in <see cref="Inputs"/> order.</param>
    /// <param name="context">Given to the delegate if it takes a <see cref="TaskRunContext"/>.</param>
    /// <param name="cancellationToken">Given to the delegate if it takes one.</param>
    /// <returns>The output.</returns>
    public Task<object?> InvokeAsync(IReadOnlyList<object?> inputs, TaskRunContext context, CancellationToken cancellationToken) =>
        InvokeAsync(inputs, context, services: null, cancellationToken);

    /// <summary>Runs the code.</summary>
    /// <param name="inputs">The input values, in <see cref="Inputs"/> order.</param>
    /// <param name="context">Given to the delegate if it takes a <see cref="TaskRunContext"/>.</param>
    /// <param name="services">
    /// The silo's services, from which a task written as a class is created, in a scope of its own for this call;
    /// unused by delegates.
    /// </param>
    /// <param name="cancellationToken">Given to the delegate if it takes one.</param>
    /// <returns>The output.</returns>
    /// <exception cref="NonRetryableTaskException">A task class cannot be created from <paramref name="services"/>.</exception>
    public async Task<object?> InvokeAsync(
        IReadOnlyList<object?> inputs, TaskRunContext context, IServiceProvider? services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != Inputs.Count)
        {
            throw new ArgumentException($"Expected {Inputs.Count} inputs, got {inputs.Count}.", nameof(inputs));
        }

        if (_binding is not null)
        {
            return await _binding.InvokeAsync(inputs, context, services, cancellationToken).ConfigureAwait(false);
        }

        var arguments = new object?[ParameterCount];
        for (int i = 0, next = 0; i < arguments.Length; i++)
        {
            arguments[i] = i == _cancellationTokenIndex ? cancellationToken : i == _contextIndex ? context : inputs[next++];
        }

        object? returned;
        try
        {
            returned = _delegate.DynamicInvoke(arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        return _unwrap is null || returned is null ? returned : await _unwrap(returned).ConfigureAwait(false);
    }

    private static (Type OutputType, Func<object, Task<object?>>? Unwrap) DescribeReturn(Type returnType)
    {
        if (returnType == typeof(void))
        {
            return (typeof(object), null);
        }

        if (returnType == typeof(Task))
        {
            return (typeof(object), async returned => { await ((Task)returned).ConfigureAwait(false); return null; });
        }

        if (returnType == typeof(ValueTask))
        {
            return (typeof(object), async returned => { await ((ValueTask)returned).ConfigureAwait(false); return null; });
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            var awaited = returnType.GetGenericArguments()[0];
            var name = definition == typeof(Task<>) ? nameof(AwaitTask) : definition == typeof(ValueTask<>) ? nameof(AwaitValueTask) : null;
            if (name is not null)
            {
                var method = typeof(TaskFunction).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(awaited);
                return (awaited, method.CreateDelegate<Func<object, Task<object?>>>());
            }
        }

        return (returnType, null);
    }

    private static async Task<object?> AwaitTask<T>(object task) => await ((Task<T>)task).ConfigureAwait(false);

    private static async Task<object?> AwaitValueTask<T>(object task) => await ((ValueTask<T>)task).ConfigureAwait(false);
}
