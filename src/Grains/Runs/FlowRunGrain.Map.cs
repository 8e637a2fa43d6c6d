using System.Collections.Immutable;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.States;

namespace Tributary.Runs;

// Maps (FlowBuilder.Map). A map's task run counts its list and reports the count; the run then starts one child per
// element ("score[0]", ...) and follows each like a task of the flow (its status is in TaskStatuses, its reports, lost
// attempts, retries and resumes take the usual paths). When every child is final the run ends the map: Success when
// no child failed (skipped children give no element), Failed otherwise, and decides the map's downstream tasks by their
// triggers as for any task. Only counts and statuses reach this grain; the elements stay in the task runs.
internal sealed partial class FlowRunGrain
{
    // The maps whose children this activation follows, by map name. Rebuilt from the maps' own states after a restart.
    private readonly Dictionary<string, MapProgress> _maps = new(StringComparer.Ordinal);

    // Maps whose children changed since they were last looked at; maps to rebuild (a child of a map this activation
    // does not follow changed).
    private readonly HashSet<string> _mapsToAdvance = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mapsToRestore = new(StringComparer.Ordinal);

    private MapInfo? MapOf(string taskName) => Definition.Tasks.TryGetValue(taskName, out var task) ? task.Map : null;

    /// <summary>The map <paramref name="taskName"/> is a child of, if it is one (none when the run's definition is gone).</summary>
    private string? MapOfChild(string taskName) =>
        MappedTaskName.TryParse(taskName, out var map, out _) && (_definition is not null || HasOwnFlowVersion())
        && !Definition.Tasks.ContainsKey(taskName) && MapOf(map) is not null
            ? map
            : null;

    /// <summary>A map counted its list: follow its children and start them (re-reported after a resume, it keeps those that succeeded).</summary>
    private async Task ExpandMapAsync(string mapName, int count)
    {
        if (!_maps.ContainsKey(mapName))
        {
            var statuses = State.TaskStatuses.ToBuilder();
            var progress = new MapProgress(count);
            foreach (var stale in statuses.Keys.Where(name => MappedTaskName.TryParse(name, out var map, out var i) && map == mapName && i >= count).ToArray())
            {
                statuses.Remove(stale); // a list that got shorter when its task ran again
            }

            for (var i = 0; i < count; i++)
            {
                var child = MappedTaskName.Of(mapName, i);
                if (!statuses.TryGetValue(child, out var status))
                {
                    // Never started: nothing is stored for it, so its grain need not read its state.
                    statuses[child] = status = TaskRunStatus.Pending;
                    _neverStarted.Add(child);
                }

                progress.Add(child, status);
            }

            State = State with { TaskStatuses = statuses.ToImmutable() };
            _maps[mapName] = progress;
            LogMapExpanded(_logger, State.FlowRunId, mapName, count);
        }

        _mapsToAdvance.Add(mapName);
        await ScheduleReadyTasksAsync([]);
    }

    /// <summary>Follows the children of maps this activation learns of from their task runs' states (after a restart).</summary>
    private async Task RestoreMapsAsync(IEnumerable<TaskRunState?> states)
    {
        foreach (var state in states)
        {
            if (state is { MapCount: { } count, Status: TaskRunStatus.Running } && !_maps.ContainsKey(state.TaskName))
            {
                await RestoreMapAsync(state.TaskName, count);
            }
        }
    }

    private async Task RestoreMapAsync(string mapName, int count)
    {
        var children = Enumerable.Range(0, count).Select(i => MappedTaskName.Of(mapName, i)).ToArray();
        var states = await Task.WhenAll(children.Select(child => TaskGrain(child).GetStateAsync()));
        var progress = new MapProgress(count);
        var statuses = State.TaskStatuses.ToBuilder();
        for (var i = 0; i < count; i++)
        {
            statuses[children[i]] = states[i].Status;
            progress.Add(children[i], states[i].Status);
        }

        if (!statuses.GetValueOrDefault(mapName).IsFinal() || progress.Unfinished > 0)
        {
            // It counted: it waits for its children, not for a start; or a child runs again after the map ended (its
            // output was lost), and the map's downstream tasks wait for it.
            statuses[mapName] = TaskRunStatus.Running;
        }

        State = State with { TaskStatuses = statuses.ToImmutable() };
        _maps[mapName] = progress;
        _mapsToAdvance.Add(mapName);
    }

    /// <summary>
    /// A report from a child this activation does not know (it was reactivated after the map counted): rebuilds the
    /// map's progress from its children's states, which include the report's.
    /// </summary>
    /// <returns>Whether the report was such a child's.</returns>
    private async Task<bool> FollowUnknownChildAsync(TaskRunReport report)
    {
        if (State.Status != FlowRunStatus.Running || State.TaskStatuses.ContainsKey(report.TaskName) || MapOfChild(report.TaskName) is not { } mapName)
        {
            return false;
        }

        _mapsToRestore.Add(mapName);
        await ScheduleReadyTasksAsync([]);
        return true;
    }

    /// <summary>Keeps the maps' progress in step with a child's status; called by every status change.</summary>
    private void NoteMapChild(string taskName, TaskRunStatus before, TaskRunStatus after)
    {
        if (MapOfChild(taskName) is not { } mapName)
        {
            return;
        }

        if (!_maps.TryGetValue(mapName, out var progress))
        {
            // A child of a map this activation does not follow (it was reactivated after the map counted): rebuild the
            // map's progress from its children's states.
            _mapsToRestore.Add(mapName);
            return;
        }

        if (before == after)
        {
            return;
        }

        progress.Note(taskName, before, after);
        if (!after.IsFinal() && StatusOf(mapName).IsFinal())
        {
            // A child runs again after its map ended (its output was lost): the map's downstream tasks wait for it.
            SetStatus(mapName, TaskRunStatus.Running);
        }

        _mapsToAdvance.Add(mapName);
    }

    /// <summary>Starts the pending children of the maps that changed, and ends the maps whose children are all final.</summary>
    private async Task AdvanceMapsAsync()
    {
        foreach (var mapName in _mapsToRestore.ToArray())
        {
            _mapsToRestore.Remove(mapName);
            if (!_maps.ContainsKey(mapName) && await TaskGrain(mapName).GetStateAsync() is { MapCount: { } count })
            {
                await RestoreMapAsync(mapName, count);
            }
        }

        while (_mapsToAdvance.Count > 0)
        {
            var mapName = _mapsToAdvance.First();
            _mapsToAdvance.Remove(mapName);
            if (!_maps.TryGetValue(mapName, out var progress) || StatusOf(mapName) != TaskRunStatus.Running)
            {
                continue;
            }

            if (progress.Pending.Count > 0 && ListReady(mapName))
            {
                await StartChildrenAsync(mapName, progress);
            }

            if (progress.Unfinished == 0)
            {
                await EndMapAsync(mapName);
            }
        }
    }

    /// <summary>Whether the children may take their elements: the list's task succeeded (a parameter always has its value).</summary>
    private bool ListReady(string mapName) =>
        MapOf(mapName) is { } map && (State.Parameters.ContainsKey(map.ListSource) || StatusOf(map.ListSource).IsSuccess());

    private async Task StartChildrenAsync(string mapName, MapProgress progress)
    {
        var parameters = ParameterInputsOf(mapName);
        var children = progress.Pending.ToArray();
        progress.Pending.Clear();
        var calls = new Task[children.Length];
        for (var i = 0; i < children.Length; i++)
        {
            SetStatus(children[i], TaskRunStatus.Running);
            calls[i] = TaskGrain(children[i]).RunAsync(State.FlowName, State.FlowVersion, parameters, _neverStarted.Remove(children[i]));
        }

        await Task.WhenAll(calls);
    }

    private async Task EndMapAsync(string mapName)
    {
        var progress = _maps[mapName];
        var failed = Enumerable.Range(0, progress.Count)
            .Select(i => MappedTaskName.Of(mapName, i))
            .Where(child => TaskOutcomes.Of(StatusOf(child), TaskTrigger.AllSuccessful) == TaskOutcome.Failed)
            .ToArray();
        var (status, message) = failed.Length == 0
            ? (TaskRunStatus.Success, (string?)null)
            : (TaskRunStatus.Failed, $"Mapped children that did not succeed: {Names(failed)}.");
        await TaskGrain(mapName).CompleteMapAsync(status, message);
        await ApplyAsync(mapName, status, [], message);
        ReleaseUsedOutputs(mapName);
    }

    private string Names(string[] children)
    {
        const int Shown = 5;
        var named = string.Join(", ", children.Take(Shown).Select(child => $"{child} ({StatusOf(child)})"));
        return children.Length <= Shown ? named : $"{named} and {children.Length - Shown} more";
    }

    /// <summary>The children of map <paramref name="mapName"/> in index order, as far as this run knows them.</summary>
    private IEnumerable<string> ChildrenOf(string mapName, int count) => Enumerable.Range(0, count).Select(i => MappedTaskName.Of(mapName, i));

    /// <summary>Every task run of the run for a snapshot: the flow's tasks in order, each map followed by its children.</summary>
    private async Task<ImmutableArray<TaskRunState>> SnapshotTasksAsync()
    {
        var tasks = await RowsOfAsync([.. TaskNamesInOrder()]);
        if (!tasks.Any(task => task.MapCount is > 0) || !HasOwnFlowVersion()) // without its definition: the statuses' names
        {
            return [.. tasks];
        }

        var all = ImmutableArray.CreateBuilder<TaskRunState>(tasks.Length);
        foreach (var task in tasks)
        {
            all.Add(task);
            if (task.MapCount is { } count)
            {
                all.AddRange(await RowsOfAsync([.. ChildrenOf(task.TaskName, count)]));
            }
        }

        return all.ToImmutable();
    }

    /// <summary>Releases the outputs the children of <paramref name="mapName"/> hold, once no task needs the map's list any more.</summary>
    private void ReleaseMapChildren(string mapName)
    {
        if (!_maps.TryGetValue(mapName, out var progress))
        {
            return;
        }

        foreach (var child in ChildrenOf(mapName, progress.Count))
        {
            if (_holding.Remove(child))
            {
                TaskGrain(child).ReleaseOutputAsync().Ignore();
            }
        }
    }

    /// <summary>What the run knows of one map's children.</summary>
    private sealed class MapProgress(int count)
    {
        public int Count { get; } = count;

        /// <summary>Children not final.</summary>
        public int Unfinished { get; private set; }

        /// <summary>Children waiting to be started.</summary>
        public HashSet<string> Pending { get; } = new(StringComparer.Ordinal);

        public void Add(string child, TaskRunStatus status)
        {
            Unfinished += status.IsFinal() ? 0 : 1;
            if (status == TaskRunStatus.Pending)
            {
                Pending.Add(child);
            }
        }

        public void Note(string child, TaskRunStatus before, TaskRunStatus after)
        {
            Unfinished += (before.IsFinal() ? 0 : -1) + (after.IsFinal() ? 0 : 1);
            if (after == TaskRunStatus.Pending)
            {
                Pending.Add(child);
            }
            else
            {
                Pending.Remove(child);
            }
        }
    }
}
