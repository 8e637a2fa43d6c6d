namespace Tributary.Flows;

/// <summary>
/// A typed task whose code returns <see cref="Task"/> or nothing: it has no value to give, so it cannot be an input,
/// but other tasks can wait for it with <see cref="TaskNode{TOut}.After"/> or <see cref="After"/>.
/// </summary>
public sealed class VoidTaskNode : Node
{
    internal VoidTaskNode(FlowBuilder owner, TaskNode definition)
        : base(owner) => Definition = definition;

    /// <summary>The task's name, unique in its flow.</summary>
    public string Name => Definition.Name;

    /// <summary>The untyped task in the flow's graph (its options, its edges, the string-named API).</summary>
    public TaskNode Definition { get; }

    internal override FlowNode GraphNode => Definition;

    // No overload takes a VoidTaskNode as an input (it is no Node<T>): only After reaches it, through GraphNode.
    internal override Func<IReadOnlyList<object?>, object?> Bind(TypedBinding binding, string inputName) =>
        throw new InvalidOperationException($"Task '{Name}' has no value to give to input '{inputName}'.");

    /// <summary>Makes this task wait for other tasks without taking their outputs (see <see cref="TaskNode{TOut}.After"/>).</summary>
    /// <param name="dependencies">Tasks of the same flow (typed, with or without a value).</param>
    /// <returns>This task.</returns>
    /// <exception cref="ArgumentException">A dependency is not a task, or belongs to another flow.</exception>
    /// <exception cref="InvalidOperationException">A flow was already built from this task.</exception>
    public VoidTaskNode After(params IEnumerable<Node> dependencies)
    {
        Definition.AddDependencies(Owner!, dependencies);
        return this;
    }
}
