namespace Tributary.Flows;

/// <summary>
/// The list of several nodes' values, in order, made by <see cref="FlowBuilder.Gather{T}(IEnumerable{Node{T}})"/>.
/// </summary>
/// <remarks>
/// It reaches the engine as one engine input per element (named <c>input[0]</c>, <c>input[1]</c>, …), each an
/// ordinary edge from its upstream: the task-run grain fetches them concurrently (at most <c>Tributary:InputConcurrency</c> at once), caches them for retries and reruns a
/// lost upstream as for any input; the list is put together just before the task's code is called.
/// </remarks>
/// <typeparam name="T">The elements' type.</typeparam>
internal sealed class GatheredNode<T> : Node<IReadOnlyList<T>>
{
    private readonly Node<T>[] _elements;

    public GatheredNode(FlowBuilder owner, Node<T>[] elements)
        : base(owner) => _elements = elements;

    internal override FlowNode? GraphNode => null;

    internal override void CheckOwner(FlowBuilder builder, string taskName, string paramName)
    {
        base.CheckOwner(builder, taskName, paramName);
        foreach (var element in _elements)
        {
            element.CheckOwner(builder, taskName, paramName);
        }
    }

    internal override Func<IReadOnlyList<object?>, object?> Bind(TypedBinding binding, string inputName)
    {
        var readers = _elements.Select((element, i) => element.Bind(binding, $"{inputName}[{i}]")).ToArray();
        return inputs =>
        {
            var list = new T[readers.Length];
            for (var i = 0; i < readers.Length; i++)
            {
                list[i] = (T)readers[i](inputs)!;
            }

            return list;
        };
    }
}
