namespace Tributary.Flows;

/// <summary>
/// A map, made by a <c>FlowBuilder.Map</c> overload: at run time its code runs once per element of its list, each element
/// as its own task run (<c>name[0]</c>, <c>name[1]</c>, …), and the tasks that take it receive the children's outputs as
/// one list, in the elements' order.
/// </summary>
/// <remarks>
/// A child that skips itself (<see cref="TaskSkippedException"/>) gives no element: the list holds the outputs of the
/// children that succeeded, in order. A child that fails (after its retries) fails the map, and the map's downstream
/// tasks follow their triggers.
/// </remarks>
/// <typeparam name="TOut">The type of one child's output.</typeparam>
public sealed class MappedNode<TOut> : Node<IReadOnlyList<TOut>>
{
    internal MappedNode(FlowBuilder owner, TaskNode definition)
        : base(owner) => Definition = definition;

    /// <summary>The map's name, unique in its flow; its children are named <c>name[i]</c>.</summary>
    public string Name => Definition.Name;

    internal TaskNode Definition { get; }

    internal override FlowNode GraphNode => Definition;

    internal override Func<IReadOnlyList<object?>, object?> Bind(TypedBinding binding, string inputName)
    {
        var index = binding.AddInput(inputName, typeof(IReadOnlyList<TOut>), Definition.Name);
        return inputs => inputs[index];
    }
}
