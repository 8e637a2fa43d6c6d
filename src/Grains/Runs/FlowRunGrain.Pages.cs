using System.Collections.Immutable;
using Tributary.Grains;
using Tributary.States;

namespace Tributary.Runs;

// The task table a page at a time (IFlowRunGrain.GetTaskPageAsync). The table's order is worked out from what the run
// holds in memory (its definition and its statuses), so a page asks only the task runs on it, and of those only the
// ones whose state the run does not keep (see FlowRunGrain.Rows): at most `limit` grain calls whatever the flow's size.
internal sealed partial class FlowRunGrain
{
    // The table's order, worked out for one set of statuses: a finished run's pages share it (the statuses no longer change).
    private (ImmutableDictionary<string, TaskRunStatus> Statuses, IReadOnlyList<string> Names)? _tableOrder;

    public async Task<TaskRunPage> GetTaskPageAsync(int offset, int limit)
    {
        TaskPageLimits.Check(offset, limit);
        if (State.Status == FlowRunStatus.NotFound)
        {
            return new TaskRunPage { Offset = offset, Tasks = [], Total = 0, Flow = State };
        }

        // The run's state before the rows, as a snapshot takes it: a page whose run is final has its rows final too.
        var flow = State with { TaskStatuses = ImmutableDictionary<string, TaskRunStatus>.Empty };
        var names = TableOrder();
        var end = (int)Math.Min((long)offset + limit, names.Count);
        var slice = offset >= names.Count ? [] : names.Skip(offset).Take(end - offset).ToArray();
        var rows = await RowsOfAsync(slice);
        return new TaskRunPage
        {
            Offset = offset,
            Tasks = [.. rows],
            Total = names.Count,
            NextOffset = end < names.Count ? end : null,
            Flow = flow,
        };
    }

    /// <summary>
    /// Every task run's name in a snapshot's order: the flow's tasks in topological order, each map followed by its
    /// children in index order (those the run knows of: a map's children exist once it counted its list). Without the
    /// run's definition, the statuses' names in order, as a snapshot lists them then.
    /// </summary>
    private IReadOnlyList<string> TableOrder()
    {
        var statuses = State.TaskStatuses;
        if (_tableOrder is { } kept && ReferenceEquals(kept.Statuses, statuses))
        {
            return kept.Names;
        }

        IReadOnlyList<string> names;
        if (!HasOwnFlowVersion())
        {
            names = TaskNamesInOrder();
        }
        else
        {
            // A map's children are numbered from 0 with no gap (ExpandMapAsync): the highest index known gives the count.
            var childCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var name in statuses.Keys)
            {
                if (MappedTaskName.TryParse(name, out var map, out var index) && !Definition.Tasks.ContainsKey(name) && MapOf(map) is not null)
                {
                    childCounts[map] = Math.Max(childCounts.GetValueOrDefault(map), index + 1);
                }
            }

            var ordered = new List<string>(statuses.Count);
            foreach (var name in Definition.TaskOrder)
            {
                ordered.Add(name);
                if (childCounts.TryGetValue(name, out var count))
                {
                    ordered.AddRange(ChildrenOf(name, count));
                }
            }

            names = ordered;
        }

        _tableOrder = (statuses, names);
        return names;
    }
}
