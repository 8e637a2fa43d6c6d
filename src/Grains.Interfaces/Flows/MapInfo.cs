namespace Tributary.Flows;

/// <summary>
/// What makes a task a map (see <see cref="FlowBuilder"/>'s <c>Map</c>): the task in the flow's graph stands for the
/// whole map (its input is the list, its output the list of results), and <see cref="Child"/> is what each mapped
/// child runs: the same code and options, taking one element.
/// </summary>
/// <param name="ListInput">The name of the map's one input (the code's parameter).</param>
/// <param name="ListSource">The task or parameter whose list the map takes.</param>
/// <param name="ElementType">The type of one element of that list (the child's input).</param>
/// <param name="OutputElementType">The type of one child's output (an element of the map's output).</param>
/// <param name="Child">The task each child runs: its input is <paramref name="ListInput"/> as one <paramref name="ElementType"/>.</param>
internal sealed record MapInfo(string ListInput, string ListSource, Type ElementType, Type OutputElementType, TaskNode Child);
