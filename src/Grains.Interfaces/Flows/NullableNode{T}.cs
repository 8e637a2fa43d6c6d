namespace Tributary.Flows;

/// <summary>
/// A node of a value type seen as its nullable form, made by <see cref="NodeNullability.AsNullable{T}(Node{T})"/>: the
/// task that takes it receives the value, or <see langword="null"/> when its trigger runs it although the upstream gave
/// no output (the upstream failed, was skipped or did not run).
/// </summary>
/// <typeparam name="T">The underlying value type.</typeparam>
internal sealed class NullableNode<T> : Node<T?>
    where T : struct
{
    private readonly Node<T> _inner;

    public NullableNode(Node<T> inner)
        : base(inner.Owner) => _inner = inner;

    internal override FlowNode? GraphNode => _inner.GraphNode;

    internal override void CheckOwner(FlowBuilder builder, string taskName, string paramName) =>
        _inner.CheckOwner(builder, taskName, paramName);

    internal override Func<IReadOnlyList<object?>, object?> Bind(TypedBinding binding, string inputName)
    {
        // The inner node declares its engine inputs as T; declaring them T? instead makes the engine give null, the
        // default of T?, when the upstream ended without an output. A T value read back is boxed the same either way.
        var first = binding.Inputs.Count;
        var read = _inner.Bind(binding, inputName);
        binding.WidenToNullable(first);
        return read;
    }
}
