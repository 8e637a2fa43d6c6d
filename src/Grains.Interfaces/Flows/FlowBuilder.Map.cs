namespace Tributary.Flows;

/// <summary>Run-time fan-out: the core the generated <c>Map</c> overloads (FlowBuilder.Maps.cs) call.</summary>
public sealed partial class FlowBuilder
{
    /// <summary>
    /// Declares a map: the code of <paramref name="function"/> runs once per element of <paramref name="list"/>'s value,
    /// each element as its own task run. The map's task (<paramref name="name"/>) counts the elements once its upstream
    /// succeeded; the flow run then starts one child per element, <c>name[0]</c>, <c>name[1]</c>, …, each with its own
    /// Result, handler, checkpoint and retries (all from <paramref name="options"/>); the map ends once every child is final.
    /// </summary>
    private MappedNode<TOut> AddMap<TIn, TOut>(
        string name, Delegate function, TaskOptions? options, TaskExtras extras, Func<object?[], Task<object?>> invoke, Node list)
    {
        ArgumentNullException.ThrowIfNull(function);
        FlowDefinition.CheckName(name, nameof(name));
        if (list is null)
        {
            throw new ArgumentNullException(nameof(list), $"Map '{name}': the list has no node.");
        }

        list.CheckOwner(this, name, nameof(list));
        var source = list.GraphNode
            ?? throw new ArgumentException(
                $"Map '{name}' maps over the list of a task, a map or a parameter; a constant or a gathered list is fixed when the flow is built (declare a parameter with a default instead).",
                nameof(list));
        options ??= TaskOptions.Default;
        options.Validate(name);
        var inputName = ArgumentNames(function, 1)[0];

        // What each child runs: the code, taking one element.
        var childBinding = new TypedBinding(extras, invoke);
        childBinding.AddArgument(new ElementNode<TIn>(this, source), inputName);
        var child = new TaskNode(name, new TaskFunction(function, typeof(TOut), childBinding), options);
        child.Connect(inputName, source.Name);

        // The map in the graph: it takes the whole list and gives the list of results; its own code never runs.
        var mapBinding = new TypedBinding(extras, _ => throw new InvalidOperationException($"Map '{name}' runs its code in its children only."));
        mapBinding.AddInput(inputName, typeof(IReadOnlyList<TIn>), source.Name);
        var map = new TaskNode(name, new TaskFunction(function, typeof(IReadOnlyList<TOut>), mapBinding), options)
        {
            Map = new MapInfo(inputName, source.Name, typeof(TIn), typeof(TOut), child),
        };
        map.Connect(inputName, source.Name);
        return new MappedNode<TOut>(this, Add(map));
    }
}
