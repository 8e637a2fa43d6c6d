namespace Tributary.Flows;

/// <summary>A task of a flow under construction: its code, its inputs and where each input comes from.</summary>
public sealed class TaskNode : FlowNode
{
    private readonly Dictionary<string, string> _edges = new(StringComparer.Ordinal);

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

    /// <summary>For each input name, the node (parameter or task) whose output feeds it.</summary>
    public IReadOnlyDictionary<string, string> Edges => _edges;

    /// <summary>Feeds the input <paramref name="input"/> (a parameter of the task's delegate) from another node's output.</summary>
    /// <param name="input">The name of the delegate parameter.</param>
    /// <param name="source">The parameter or task whose output it takes.</param>
    /// <returns>This task.</returns>
    public TaskNode WithInput(string input, FlowNode source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return WithInput(input, source.Name);
    }

    /// <summary>Feeds the input <paramref name="input"/> from the node named <paramref name="sourceName"/>.</summary>
    /// <param name="input">The name of the delegate parameter.</param>
    /// <param name="sourceName">The name of the parameter or task whose output it takes; checked by <see cref="FlowBuilder.Build"/>.</param>
    /// <returns>This task.</returns>
    public TaskNode WithInput(string input, string sourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        _edges[input] = sourceName;
        return this;
    }

    /// <summary>Replaces the task's options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>This task.</returns>
    public TaskNode WithOptions(TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(Name);
        Options = options;
        return this;
    }
}
