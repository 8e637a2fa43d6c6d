namespace Tributary.Flows;

/// <summary>
/// A task of a flow under construction: its code, its inputs and where each input comes from. Once
/// <see cref="FlowBuilder.Build"/> has built a flow from it, it is frozen: the built <see cref="FlowDefinition"/> does
/// not change.
/// </summary>
public sealed class TaskNode : FlowNode
{
    private readonly Dictionary<string, string> _edges = new(StringComparer.Ordinal);
    private volatile bool _frozen;

    internal TaskNode(string name, TaskFunction function, TaskOptions options)
        : base(name, function.OutputType)
    {
        Function = function;
        Options = options;
    }

    /// <summary>The task's code.</summary>
    public TaskFunction Function { get; }

    /// <summary>The task's options.</summary>
    public TaskOptions Options { get; private set; }

    /// <summary>What makes the task a map; <see langword="null"/> for any other task.</summary>
    internal MapInfo? Map { get; init; }

    /// <summary>For each input name, the node (parameter or task) whose output feeds it.</summary>
    public IReadOnlyDictionary<string, string> Edges => _edges;

    /// <summary>Feeds the input <paramref name="input"/> (a parameter of the task's delegate) from another node's output.</summary>
    /// <param name="input">The name of the delegate parameter.</param>
    /// <param name="source">The parameter or task whose output it takes.</param>
    /// <returns>This task.</returns>
    /// <exception cref="InvalidOperationException">A flow was already built from this task.</exception>
    public TaskNode WithInput(string input, FlowNode source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return WithInput(input, source.Name);
    }

    /// <summary>Feeds the input <paramref name="input"/> from a typed parameter or task's output.</summary>
    /// <param name="input">The name of the delegate parameter.</param>
    /// <param name="source">A <see cref="Parameter{T}"/>, a <see cref="TaskNode{TOut}"/> or a <see cref="VoidTaskNode"/>.</param>
    /// <returns>This task.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is a constant or a gathered list, which only typed tasks take.</exception>
    /// <exception cref="InvalidOperationException">A flow was already built from this task.</exception>
    public TaskNode WithInput(string input, Node source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var node = source.GraphNode
            ?? throw new ArgumentException($"Task '{Name}' input '{input}': constants and gathered lists feed typed tasks only.", nameof(source));
        return WithInput(input, node.Name);
    }

    /// <summary>Feeds the input <paramref name="input"/> from the node named <paramref name="sourceName"/>.</summary>
    /// <param name="input">The name of the delegate parameter.</param>
    /// <param name="sourceName">The name of the parameter or task whose output it takes; checked by <see cref="FlowBuilder.Build"/>.</param>
    /// <returns>This task.</returns>
    /// <exception cref="InvalidOperationException">A flow was already built from this task.</exception>
    public TaskNode WithInput(string input, string sourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        ThrowIfFrozen(nameof(WithInput));
        _edges[input] = sourceName;
        return this;
    }

    /// <summary>Replaces the task's options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>This task.</returns>
    /// <exception cref="InvalidOperationException">A flow was already built from this task.</exception>
    /// <exception cref="ArgumentException">The task is a secret task and the options set another handler than its own.</exception>
    public TaskNode WithOptions(TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfFrozen(nameof(WithOptions));
        options.Validate(Name);
        // A secret task keeps its own handler (FlowBuilder.Secret), whatever options replace its others.
        Options = Function.TaskClass == typeof(SecretTask) ? SecretTask.OptionsFor(Name, options) : options;
        return this;
    }

    /// <summary>Adds a typed task's edge (no checks: the binding made the input).</summary>
    internal void Connect(string input, string source) => _edges[input] = source;

    /// <summary>Adds dependencies that pass no data: one engine input of type object per task, fed by it, that the binding drops.</summary>
    internal void AddDependencies(FlowBuilder owner, IEnumerable<Node> dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        ThrowIfFrozen("After");
        var binding = Function.Binding ?? throw new InvalidOperationException($"Task '{Name}' is not typed: wire it with WithInput.");
        foreach (var dependency in dependencies)
        {
            ArgumentNullException.ThrowIfNull(dependency, nameof(dependencies));
            if (dependency.GraphNode is not TaskNode task)
            {
                throw new ArgumentException($"Task '{Name}' can wait only for tasks; a parameter, a constant or a gathered list is no task.", nameof(dependencies));
            }

            dependency.CheckOwner(owner, Name, nameof(dependencies));
            var input = $"after:{task.Name}";
            if (!_edges.ContainsKey(input))
            {
                binding.AddInput(input, typeof(object), task.Name);
                _edges[input] = task.Name;
            }
        }
    }

    /// <summary>Called by <see cref="FlowDefinition"/> once a flow is built from this task: no more changes.</summary>
    internal void Freeze() => _frozen = true;

    private void ThrowIfFrozen(string method)
    {
        if (_frozen)
        {
            throw new InvalidOperationException(
                $"Task '{Name}' cannot change ({method}): its flow was already built, and a built flow does not change. "
                + "Wire and configure tasks before FlowBuilder.Build().");
        }
    }
}
