namespace Tributary.Flows;

/// <summary>A typed task, made by a <c>FlowBuilder.Task</c> overload: its output, a <typeparamref name="TOut"/>, feeds the tasks that take it.</summary>
/// <typeparam name="TOut">The task's output type (the awaited type for an async task).</typeparam>
public sealed class TaskNode<TOut> : Node<TOut>
{
    internal TaskNode(FlowBuilder owner, TaskNode definition)
        : base(owner) => Definition = definition;

    /// <summary>The task's name, unique in its flow.</summary>
    public string Name => Definition.Name;

    /// <summary>The name of the flow the task belongs to (a client checks it against a run's flow before reading an output).</summary>
    public string FlowName => Owner!.Name;

    /// <summary>The untyped task in the flow's graph (its options, its edges, the string-named API).</summary>
    public TaskNode Definition { get; }

    internal override FlowNode GraphNode => Definition;

    /// <summary>
    /// Makes this task wait for other tasks without taking their outputs: it starts once they succeeded, as if it took
    /// them as inputs, and its code receives nothing from them.
    /// </summary>
    /// <remarks>
    /// To the engine each dependency is an input of type <see cref="object"/> named <c>after:{task}</c>, fetched like
    /// any input and dropped before the code runs: a <see cref="VoidTaskNode"/> gives <see langword="null"/>, but a task
    /// with a value still sends it, so prefer taking a value as an input over waiting for its task.
    /// </remarks>
    /// <param name="dependencies">Tasks of the same flow (typed, with or without a value).</param>
    /// <returns>This task.</returns>
    /// <exception cref="ArgumentException">A dependency is not a task, or belongs to another flow.</exception>
    /// <exception cref="InvalidOperationException">A flow was already built from this task.</exception>
    public TaskNode<TOut> After(params IEnumerable<Node> dependencies)
    {
        Definition.AddDependencies(Owner!, dependencies);
        return this;
    }

    internal override Func<IReadOnlyList<object?>, object?> Bind(TypedBinding binding, string inputName)
    {
        var index = binding.AddInput(inputName, typeof(TOut), Definition.Name);
        return inputs => inputs[index];
    }
}
