namespace Tributary.Flows;

/// <summary>
/// A node whose value is a <typeparamref name="T"/>: a <see cref="Parameter{T}"/>, a <see cref="TaskNode{TOut}"/>, a
/// <see cref="Constant{T}"/> or a list made by <see cref="FlowBuilder.Gather{T}(IEnumerable{Node{T}})"/>. A typed task
/// takes its inputs as nodes, so the compiler checks each input's type; the type is invariant (a
/// <c>Node&lt;string&gt;</c> is not a <c>Node&lt;object&gt;</c>).
/// </summary>
/// <typeparam name="T">The type of the value the node gives to the tasks that take it.</typeparam>
public abstract class Node<T> : Node
{
    private protected Node(FlowBuilder? owner)
        : base(owner)
    {
    }
}
