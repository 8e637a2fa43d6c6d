namespace Tributary.Flows;

/// <summary>A typed flow parameter, made by <see cref="FlowBuilder.Parameter{T}(string)"/>: a value given when a run starts.</summary>
/// <typeparam name="T">The parameter's type; values arrive as JSON and are read as this type.</typeparam>
public sealed class Parameter<T> : Node<T>
{
    internal Parameter(FlowBuilder owner, ParameterNode definition)
        : base(owner) => Definition = definition;

    /// <summary>The parameter's name, by which runs give its value.</summary>
    public string Name => Definition.Name;

    /// <summary>The untyped parameter in the flow's graph (for the string-named API).</summary>
    public ParameterNode Definition { get; }

    internal override FlowNode GraphNode => Definition;

    internal override Func<IReadOnlyList<object?>, object?> Bind(TypedBinding binding, string inputName)
    {
        var index = binding.AddInput(inputName, typeof(T), Definition.Name);
        return inputs => inputs[index];
    }
}
