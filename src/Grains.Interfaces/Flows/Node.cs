namespace Tributary.Flows;

/// <summary>
/// Something a typed task can take or wait for: a parameter, a task (with or without a value), a constant or a gathered
/// list.
/// Made only by <see cref="FlowBuilder"/>; a node belongs to the builder that made it (constants excepted) and cannot
/// feed a task of another flow.
/// </summary>
public abstract class Node
{
    private protected Node(FlowBuilder? owner) => Owner = owner;

    /// <summary>The builder that made the node; <see langword="null"/> for a constant, which any flow may take.</summary>
    internal FlowBuilder? Owner { get; }

    /// <summary>The parameter or task behind the node; <see langword="null"/> for constants and gathered lists.</summary>
    internal abstract FlowNode? GraphNode { get; }

    /// <summary>
    /// Declares what a task needs from this node as one of its arguments (engine inputs, constants) and returns how to
    /// read the argument from the engine inputs of an attempt.
    /// </summary>
    /// <param name="binding">The task's binding, which receives the engine inputs.</param>
    /// <param name="inputName">The argument's name; engine inputs it adds are named from it.</param>
    internal abstract Func<IReadOnlyList<object?>, object?> Bind(TypedBinding binding, string inputName);

    /// <summary>Throws when the node belongs to another flow than <paramref name="builder"/>'s.</summary>
    internal virtual void CheckOwner(FlowBuilder builder, string taskName, string paramName)
    {
        if (Owner is not null && !ReferenceEquals(Owner, builder))
        {
            throw new ArgumentException(
                $"Task '{taskName}': '{GraphNode?.Name}' belongs to flow '{Owner.Name}', not to flow '{builder.Name}'.", paramName);
        }
    }
}
