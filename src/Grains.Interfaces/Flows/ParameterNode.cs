namespace Tributary.Flows;

/// <summary>A flow parameter: a named, typed value given when a run starts. Tasks take it as input like a task output.</summary>
public sealed class ParameterNode : FlowNode
{
    internal ParameterNode(string name, Type type, bool required, string? defaultJson)
        : base(name, type)
    {
        Required = required;
        DefaultJson = defaultJson;
    }

    /// <summary>Whether a run must give this parameter.</summary>
    public bool Required { get; }

    /// <summary>The default as JSON text; <see langword="null"/> when the parameter is required.</summary>
    public string? DefaultJson { get; }
}
