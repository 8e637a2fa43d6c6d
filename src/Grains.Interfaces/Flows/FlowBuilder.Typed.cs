using System.Text.Json;
using Tributary.Serialization;

namespace Tributary.Flows;

/// <summary>Typed parameters, constants, gathered lists and the binding shared by the typed task overloads.</summary>
public sealed partial class FlowBuilder
{
    /// <summary>Declares a required parameter: a run that does not give it is refused when it starts.</summary>
    /// <typeparam name="T">The parameter's type; values arrive as JSON and are read as this type.</typeparam>
    /// <param name="name">The parameter's name, unique among the flow's parameters and tasks.</param>
    /// <exception cref="ArgumentException">The name is invalid or taken.</exception>
    public Parameter<T> Parameter<T>(string name) =>
        new(this, Add(new ParameterNode(name, typeof(T), required: true, defaultJson: null)));

    /// <summary>Declares an optional parameter with a default.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="name">The parameter's name, unique among the flow's parameters and tasks.</param>
    /// <param name="defaultValue">The value used when a run does not give one; kept as JSON (part of the version).</param>
    /// <exception cref="ArgumentException">The name is invalid or taken.</exception>
    public Parameter<T> Parameter<T>(string name, T defaultValue) =>
        new(this, Add(new ParameterNode(name, typeof(T), required: false,
            defaultJson: JsonSerializer.Serialize(defaultValue, SystemTextJsonResultSerializer.Default.Options))));

    /// <summary>
    /// A fixed value a task takes as an input: part of the flow's definition and its version, not of a run's state.
    /// Each attempt gets its own copy, read from the value's JSON.
    /// </summary>
    /// <typeparam name="T">The value's type; it must round-trip through System.Text.Json.</typeparam>
    /// <param name="value">The value, serialized now.</param>
    /// <exception cref="NotSupportedException">System.Text.Json cannot serialize the value.</exception>
    public Constant<T> Constant<T>(T value) => new(value);

    /// <summary>
    /// A static fan-in: the list of <paramref name="nodes"/>' values, in their order, taken by one task input. The
    /// engine fetches the elements concurrently, as separate inputs of the task that takes the list.
    /// </summary>
    /// <typeparam name="T">The elements' type.</typeparam>
    /// <param name="nodes">Parameters, tasks, constants or other gathered lists of this flow; may be empty.</param>
    /// <returns>A node that only tasks of this flow can take.</returns>
    /// <exception cref="ArgumentException">A node is <see langword="null"/>.</exception>
    public Node<IReadOnlyList<T>> Gather<T>(params IEnumerable<Node<T>> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var elements = nodes.ToArray();
        if (Array.IndexOf(elements, null) is var missing and >= 0)
        {
            throw new ArgumentException($"Gather: node #{missing} is null.", nameof(nodes));
        }

        return new GatheredNode<T>(this, elements);
    }

    private TaskNode<TOut> AddTask<TOut>(
        string name, Delegate function, TaskOptions? options, TaskExtras extras, Func<object?[], Task<object?>> invoke, params Node[] inputs) =>
        new(this, AddTyped(name, function, typeof(TOut), options, extras, invoke, inputs));

    private VoidTaskNode AddVoidTask(
        string name, Delegate function, TaskOptions? options, TaskExtras extras, Func<object?[], Task<object?>> invoke, params Node[] inputs) =>
        new(this, AddTyped(name, function, typeof(object), options, extras, invoke, inputs));

    private TaskNode AddTyped(
        string name, Delegate function, Type outputType, TaskOptions? options, TaskExtras extras, Func<object?[], Task<object?>> invoke, Node[] inputs)
    {
        ArgumentNullException.ThrowIfNull(function);
        FlowDefinition.CheckName(name, nameof(name));
        return AddBound(name, function, outputType, options, new TypedBinding(extras, invoke), ArgumentNames(function, inputs.Length), inputs);
    }

    // Wires a typed task's inputs (named by `names`) through its binding and adds it to the flow.
    private TaskNode AddBound(
        string name, Delegate function, Type outputType, TaskOptions? options, TypedBinding binding, string[] names, Node[] inputs)
    {
        options ??= TaskOptions.Default;
        options.Validate(name);
        for (var i = 0; i < inputs.Length; i++)
        {
            var paramName = $"input{i + 1}";
            if (inputs[i] is null)
            {
                throw new ArgumentNullException(paramName, $"Task '{name}': input {i + 1} ('{names[i]}') has no node.");
            }

            inputs[i].CheckOwner(this, name, paramName);
            binding.AddArgument(inputs[i], names[i]);
        }

        var node = new TaskNode(name, new TaskFunction(function, outputType, binding), options);
        for (var i = 0; i < binding.Inputs.Count; i++)
        {
            node.Connect(binding.Inputs[i].Name, binding.Sources[i]);
        }

        return Add(node);
    }

    // Inputs are named after the delegate's parameters (as messages and the run view show them); a parameter without a
    // usable name (a discard, a compiled expression's) is named by position: arg0, arg1, ...
    private static string[] ArgumentNames(Delegate function, int count)
    {
        var invokeCount = function.GetType().GetMethod("Invoke")!.GetParameters().Length;
        var parameters = function.Method.GetParameters()[^invokeCount..];
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            var name = parameters[i].Name;
            names[i] = string.IsNullOrEmpty(name) || name == "_" || names.Contains(name) ? $"arg{i}" : name;
        }

        return names;
    }

    private static Task<object?> Done(object? value) => System.Threading.Tasks.Task.FromResult(value);

    private static async Task<object?> Boxed<T>(Task<T> task) => await task.ConfigureAwait(false);

    private static async Task<object?> Awaited(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }
}
