namespace Tributary.Flows;

/// <summary>One element of a list node, as a map's child takes it: an engine input of the element's type fed by the list's node.</summary>
/// <typeparam name="T">The element's type.</typeparam>
internal sealed class ElementNode<T>(FlowBuilder owner, FlowNode list) : Node<T>(owner)
{
    internal override FlowNode GraphNode => list;

    internal override Func<IReadOnlyList<object?>, object?> Bind(TypedBinding binding, string inputName)
    {
        var index = binding.AddInput(inputName, typeof(T), list.Name);
        return inputs => inputs[index];
    }
}
