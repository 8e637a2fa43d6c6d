using System.Collections.Immutable;

namespace Tributary.States;

/// <summary>
/// One page of a run's task table (see <c>IFlowRunGrain.GetTaskPageAsync</c>): the rows a snapshot lists from
/// <see cref="Offset"/> on, in the same order (topological, a map's children after their map), and where the next page
/// starts. Asking for a page costs at most one task-run grain call per row, whatever the run's size.
/// </summary>
[GenerateSerializer, Immutable, Alias("tributary.task-run-page")]
public sealed record TaskRunPage
{
    /// <summary>The position of the page's first row in the whole table, from 0.</summary>
    [Id(0)]
    public required int Offset { get; init; }

    /// <summary>The page's rows, in table order; empty past the end of the table or for an unknown run.</summary>
    [Id(1)]
    public required ImmutableArray<TaskRunState> Tasks { get; init; }

    /// <summary>How many rows the whole table has now (a map's children included); it grows when a map counts its list.</summary>
    [Id(2)]
    public required int Total { get; init; }

    /// <summary>The offset of the next page, or <see langword="null"/> when this page reaches the end of the table.</summary>
    [Id(3)]
    public int? NextOffset { get; init; }

    /// <summary>
    /// The run's state when the page was read, without its <see cref="FlowRunState.TaskStatuses"/> (empty here: the
    /// rows and <see cref="Total"/> stand for them, so a page's size does not grow with the run's).
    /// </summary>
    [Id(4)]
    public required FlowRunState Flow { get; init; }
}
