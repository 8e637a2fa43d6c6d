namespace Tributary.Flows;

/// <summary>
/// Lets a task take a node's value as nullable: what a task with a trigger other than
/// <see cref="TaskTrigger.AllSuccessful"/> wants, to tell "the upstream gave no output" from a value (a typed input
/// takes a node of exactly its type, so a <c>TaskNode&lt;int&gt;</c> cannot feed an <c>int?</c> input directly).
/// </summary>
/// <example>
/// <code>
/// var load = flow.Task("load", () => 42);
/// flow.Task("cleanup", (int? loaded) => Log(loaded ?? -1), load.AsNullable(), new TaskOptions { Trigger = TaskTrigger.AllFinished });
/// </code>
/// </example>
public static class NodeNullability
{
    /// <summary>
    /// The node's value as <typeparamref name="T"/>?: the value, or <see langword="null"/> when the upstream ended
    /// without an output.
    /// </summary>
    /// <typeparam name="T">A value type.</typeparam>
    /// <param name="node">The node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public static Node<T?> AsNullable<T>(this Node<T> node)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(node);
        return new NullableNode<T>(node);
    }
}
