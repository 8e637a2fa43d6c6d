using System.Text.Json;
using Tributary.Handlers;
using Tributary.Serialization;

namespace Tributary.Flows;

/// <summary>
/// Builds a <see cref="FlowDefinition"/>: typed parameters, tasks (C# delegates) that take other nodes' values as their
/// inputs, constants and gathered lists. The compiler checks that each input's node gives the type the delegate takes.
/// </summary>
/// <remarks>
/// <para>
/// A typed task's delegate takes its inputs first, one per node passed after it, in the same order; then, if it wants
/// them, the attempt's <see cref="TaskRunContext"/>, then its <see cref="CancellationToken"/> (always last). The token is
/// cancelled when the task's <see cref="TaskOptions.Timeout"/> passes (the attempt then fails) and when its silo
/// deactivates the task run (the attempt then runs again elsewhere).
/// </para>
/// <para>
/// A delegate returning <c>TOut</c> or <c>Task&lt;TOut&gt;</c> gives a <see cref="TaskNode{TOut}"/>; one returning
/// <see cref="System.Threading.Tasks.Task"/> or nothing gives a <see cref="VoidTaskNode"/>, which other tasks wait for with <c>After</c>.
/// The typed overloads throw <see cref="ArgumentNullException"/> for a missing delegate or node and
/// <see cref="ArgumentException"/> for a name that is invalid or taken, or a node of another flow.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var flow = new FlowBuilder("etl");
/// var rows = flow.Parameter("rows", defaultValue: 3);
/// var extract = flow.Task("extract", (int count) => Enumerable.Range(0, count).ToArray(), rows);
/// var sum = flow.Task("sum", (int[] values, int offset) => values.Sum() + offset, extract, flow.Constant(10));
/// flow.Task("report", async (int total, CancellationToken ct) => await Report.SendAsync(total, ct), sum);
/// FlowDefinition definition = flow.Build();
/// </code>
/// </example>
public sealed partial class FlowBuilder
{
    private readonly List<FlowNode> _nodes = [];

    // The names taken so far, so that adding a node checks its name in constant time (a list scan made building O(N²)).
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Declares a task bound by its delegate's parameter names, for graphs built at run time: wire each input with
    /// <see cref="TaskNode.WithInput(string, string)"/>; mistakes appear at <see cref="Build"/>. Write flows with the
    /// typed overloads instead, which the compiler checks.
    /// </summary>
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
        if (!_names.Add(node.Name))
        {
            throw new ArgumentException($"Flow '{Name}' already has a node named '{node.Name}'.", "name");
        }

        _nodes.Add(node);
        return node;
    }
}
