namespace Tributary.Flows;

/// <summary>
/// Lets a task take a node of a reference type as nullable (<c>string?</c> from a <c>TaskNode&lt;string&gt;</c>): the
/// value, or <see langword="null"/> when the upstream ended without an output. The counterpart of
/// <see cref="NodeNullability.AsNullable{T}(Node{T})"/> for reference types.
/// </summary>
public static class NodeReferenceNullability
{
    /// <summary>The node's value as <typeparamref name="T"/>?, <see langword="null"/> when the upstream gave no output.</summary>
    /// <typeparam name="T">A reference type.</typeparam>
    /// <param name="node">The node.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public static Node<T?> AsNullable<T>(this Node<T> node)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(node);
        // The same node: nullable annotations do not exist at run time, and a reference input already defaults to null.
        return node!;
    }
}
