namespace Tributary.Flows;

/// <summary>A node of a flow under construction: a parameter or a task, whose output other tasks take as input.</summary>
public abstract class FlowNode
{
    private protected FlowNode(string name, Type outputType)
    {
        Name = name;
        OutputType = outputType;
    }

    /// <summary>The node's name, unique in its flow.</summary>
    public string Name { get; }

    /// <summary>The type of the node's output.</summary>
    public Type OutputType { get; }
}
