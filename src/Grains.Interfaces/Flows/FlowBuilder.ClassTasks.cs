namespace Tributary.Flows;

/// <summary>Tasks written as classes, created for each attempt from the silo's services.</summary>
public sealed partial class FlowBuilder
{
    /// <summary>
    /// Declares a task written as a class that takes no input: each attempt creates a <typeparamref name="TTask"/> from
    /// the silo's services, in a scope of its own, and calls its <see cref="ITask{TOut}.RunAsync"/>.
    /// </summary>
    /// <typeparam name="TTask">The class: concrete, with a constructor the silo's services can call; it need not be registered.</typeparam>
    /// <typeparam name="TOut">Its output's type.</typeparam>
    /// <param name="name">The task's name, unique in the flow.</param>
    /// <param name="options">Retries, checkpointing, handler, timeout, trigger; <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The task, whose output other tasks can take.</returns>
    /// <exception cref="ArgumentException">The name is invalid or taken, or <typeparamref name="TTask"/> is abstract.</exception>
    public TaskNode<TOut> Task<TTask, TOut>(string name, TaskOptions? options = null)
        where TTask : class, ITask<TOut> =>
        AddClassTask<TTask, TOut>(name, typeof(ITask<TOut>), options, (task, a) => Boxed(task.RunAsync((TaskRunContext)a[0]!, (CancellationToken)a[1]!)));

    /// <summary>
    /// Declares a task written as a class that takes one input: each attempt creates a <typeparamref name="TTask"/> from
    /// the silo's services, in a scope of its own, and calls its <see cref="ITask{TIn, TOut}.RunAsync"/> with the value of
    /// <paramref name="input"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// public sealed class FetchPage(HttpClient http, ILogger&lt;FetchPage&gt; logger) : ITask&lt;string, string&gt;
    /// {
    ///     public async Task&lt;string&gt; RunAsync(string url, TaskRunContext context, CancellationToken ct)
    ///     {
    ///         logger.LogInformation("Attempt {Attempt} fetches {Url}", context.Attempt, url);
    ///         return await http.GetStringAsync(url, ct);
    ///     }
    /// }
    ///
    /// var page = flow.Task&lt;FetchPage, string, string&gt;("fetch", flow.Parameter&lt;string&gt;("url"));
    /// </code>
    /// </example>
    /// <typeparam name="TTask">The class: concrete, with a constructor the silo's services can call; it need not be registered.</typeparam>
    /// <typeparam name="TIn">Its input's type.</typeparam>
    /// <typeparam name="TOut">Its output's type.</typeparam>
    /// <param name="name">The task's name, unique in the flow.</param>
    /// <param name="input">The node whose value it takes (a parameter, a task, a constant, a gathered list).</param>
    /// <param name="options">Retries, checkpointing, handler, timeout, trigger; <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The task, whose output other tasks can take.</returns>
    /// <exception cref="ArgumentNullException">The node is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is invalid or taken, <typeparamref name="TTask"/> is abstract, or the node belongs to another flow.</exception>
    public TaskNode<TOut> Task<TTask, TIn, TOut>(string name, Node<TIn> input, TaskOptions? options = null)
        where TTask : class, ITask<TIn, TOut> =>
        AddClassTask<TTask, TOut>(
            name, typeof(ITask<TIn, TOut>), options, (task, a) => Boxed(task.RunAsync((TIn)a[0]!, (TaskRunContext)a[1]!, (CancellationToken)a[2]!)), input);

    /// <summary>
    /// Declares a task written as a class that takes two inputs, as a tuple (see
    /// <see cref="Task{TTask, TIn, TOut}(string, Node{TIn}, TaskOptions?)"/>).
    /// </summary>
    /// <typeparam name="TTask">The class, an <c>ITask&lt;(T1, T2), TOut&gt;</c>.</typeparam>
    /// <typeparam name="T1">The first input's type.</typeparam>
    /// <typeparam name="T2">The second input's type.</typeparam>
    /// <typeparam name="TOut">Its output's type.</typeparam>
    /// <param name="name">The task's name, unique in the flow.</param>
    /// <param name="input1">The node whose value is the tuple's first item.</param>
    /// <param name="input2">The node whose value is the tuple's second item.</param>
    /// <param name="options">Retries, checkpointing, handler, timeout, trigger; <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The task, whose output other tasks can take.</returns>
    /// <exception cref="ArgumentNullException">A node is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is invalid or taken, <typeparamref name="TTask"/> is abstract, or a node belongs to another flow.</exception>
    public TaskNode<TOut> Task<TTask, T1, T2, TOut>(string name, Node<T1> input1, Node<T2> input2, TaskOptions? options = null)
        where TTask : class, ITask<(T1, T2), TOut> =>
        AddClassTask<TTask, TOut>(
            name, typeof(ITask<(T1, T2), TOut>), options,
            (task, a) => Boxed(task.RunAsync(((T1)a[0]!, (T2)a[1]!), (TaskRunContext)a[2]!, (CancellationToken)a[3]!)), input1, input2);

    /// <summary>
    /// Declares a task written as a class that takes three inputs, as a tuple (see
    /// <see cref="Task{TTask, TIn, TOut}(string, Node{TIn}, TaskOptions?)"/>).
    /// </summary>
    /// <typeparam name="TTask">The class, an <c>ITask&lt;(T1, T2, T3), TOut&gt;</c>.</typeparam>
    /// <typeparam name="T1">The first input's type.</typeparam>
    /// <typeparam name="T2">The second input's type.</typeparam>
    /// <typeparam name="T3">The third input's type.</typeparam>
    /// <typeparam name="TOut">Its output's type.</typeparam>
    /// <param name="name">The task's name, unique in the flow.</param>
    /// <param name="input1">The node whose value is the tuple's first item.</param>
    /// <param name="input2">The node whose value is the tuple's second item.</param>
    /// <param name="input3">The node whose value is the tuple's third item.</param>
    /// <param name="options">Retries, checkpointing, handler, timeout, trigger; <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The task, whose output other tasks can take.</returns>
    /// <exception cref="ArgumentNullException">A node is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is invalid or taken, <typeparamref name="TTask"/> is abstract, or a node belongs to another flow.</exception>
    public TaskNode<TOut> Task<TTask, T1, T2, T3, TOut>(
        string name, Node<T1> input1, Node<T2> input2, Node<T3> input3, TaskOptions? options = null)
        where TTask : class, ITask<(T1, T2, T3), TOut> =>
        AddClassTask<TTask, TOut>(
            name, typeof(ITask<(T1, T2, T3), TOut>), options,
            (task, a) => Boxed(task.RunAsync(((T1)a[0]!, (T2)a[1]!, (T3)a[2]!), (TaskRunContext)a[3]!, (CancellationToken)a[4]!)),
            input1, input2, input3);

    // Inputs are named "input" (one) or "input1", "input2", ... (a tuple's items), as the run view shows them.
    private TaskNode<TOut> AddClassTask<TTask, TOut>(
        string name, Type contract, TaskOptions? options, Func<TTask, object?[], Task<object?>> run, params Node[] inputs)
        where TTask : class
    {
        FlowDefinition.CheckName(name, nameof(name));
        var binding = new TypedBinding(TaskExtras.Context | TaskExtras.Token, NotCalled) { Class = TaskClass.Of(contract, name, run) };
        var names = inputs.Length == 1 ? ["input"] : Enumerable.Range(1, inputs.Length).Select(i => $"input{i}").ToArray();
        return new(this, AddBound(name, run, typeof(TOut), options, binding, names, inputs));
    }

    // A class task's binding runs its class (TypedBinding.Class), never its delegate.
    private static Task<object?> NotCalled(object?[] arguments) =>
        throw new InvalidOperationException("A task written as a class runs through its TaskClass.");
}
