using System.Text.Json;
using Tributary.Handlers;
using Tributary.Serialization;

namespace Tributary.Flows;

/// <summary>
/// Builds a <see cref="FlowDefinition"/>: parameters, tasks (C# delegates whose parameters are their inputs) and the
/// edges that feed one node's output to a task's named input.
/// </summary>
/// <example>
/// <code>
/// var flow = new FlowBuilder("etl");
/// var rows = flow.Parameter("rows", defaultValue: 3);
/// var extract = flow.Task("extract", (int count) => Enumerable.Range(0, count).ToArray()).WithInput("count", rows);
/// flow.Task("sum", (int[] values) => values.Sum()).WithInput("values", extract);
/// FlowDefinition definition = flow.Build();
/// </code>
/// </example>
public sealed class FlowBuilder
{
    private readonly List<FlowNode> _nodes = [];

    /// <summary>Starts a flow.</summary>
    /// <param name="name">The flow's name, by which clients start runs.</param>
    public FlowBuilder(string name)
    {
        FlowDefinition.CheckName(name, nameof(name));
        Name = name;
    }

    /// <summary>The flow's name.</summary>
    public string Name { get; }

    /// <summary>The flow-level result handler (overrides the global default, overridden by a task's own).</summary>
    public ResultHandlerDescriptor? ResultHandler { get; private set; }

    /// <summary>Sets the flow-level result handler.</summary>
    /// <param name="handler">The handler's descriptor, e.g. <see cref="ResultHandlers.Local"/>.</param>
    /// <returns>This builder.</returns>
    public FlowBuilder WithResultHandler(ResultHandlerDescriptor handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ResultHandler = handler;
        return this;
    }

    /// <summary>Declares a required parameter.</summary>
    /// <typeparam name="T">The parameter's type; values arrive as JSON and are read as this type.</typeparam>
    /// <param name="name">The parameter's name.</param>
    public ParameterNode Parameter<T>(string name) => Add(new ParameterNode(name, typeof(T), required: true, defaultJson: null));

    /// <summary>Declares an optional parameter with a default.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="name">The parameter's name.</param>
    /// <param name="defaultValue">The value used when a run does not give one.</param>
    public ParameterNode Parameter<T>(string name, T defaultValue) =>
        Add(new ParameterNode(name, typeof(T), required: false,
            defaultJson: JsonSerializer.Serialize(defaultValue, SystemTextJsonResultSerializer.Default.Options)));

    /// <summary>Declares a task.</summary>
    /// <param name="name">The task's name, unique in the flow.</param>
    /// <param name="function">
    /// Its code: the delegate's parameters are the inputs. A <see cref="CancellationToken"/> parameter is given the
    /// attempt's token, which is cancelled when the task's <see cref="TaskOptions.Timeout"/> passes (the attempt then
    /// fails) and when its silo deactivates the task run (the attempt then runs again elsewhere).
    /// </param>
    /// <param name="options">Retries, checkpointing, handler, timeout; <see cref="TaskOptions.Default"/> when <see langword="null"/>.</param>
    public TaskNode Task(string name, Delegate function, TaskOptions? options = null)
    {
        options ??= TaskOptions.Default;
        options.Validate(name);
        return Add(new TaskNode(name, new TaskFunction(function), options));
    }

    /// <summary>Checks the flow and freezes it.</summary>
    /// <exception cref="FlowValidationException">
    /// Lists every problem: duplicate names, an edge to an unknown node or input, an input left unconnected,
    /// an input whose type the source cannot give, a cycle.
    /// </exception>
    public FlowDefinition Build() => FlowDefinition.Create(Name, ResultHandler, _nodes);

    private TNode Add<TNode>(TNode node)
        where TNode : FlowNode
    {
        FlowDefinition.CheckName(node.Name, "name");
        if (_nodes.Any(n => n.Name == node.Name))
        {
            throw new ArgumentException($"Flow '{Name}' already has a node named '{node.Name}'.", "name");
        }

        _nodes.Add(node);
        return node;
    }
}
