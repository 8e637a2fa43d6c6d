using Tributary.Grains;

namespace Tributary.States;

public sealed partial record FlowRunSnapshot
{
    /// <summary>
    /// The rows of a table of the run (the command line's): every task in order; a map with its children summarized
    /// ("1000 children: 998 Success, 2 Failed") and followed by its children: all of them when there are at most
    /// <paramref name="childrenShown"/>, otherwise the first <paramref name="childrenShown"/> that did not succeed and one
    /// row that counts the others.
    /// </summary>
    /// <param name="childrenShown">How many children of one map get a row of their own when a map has more.</param>
    public IEnumerable<TaskRunRow> Rows(int childrenShown = 10)
    {
        for (var i = 0; i < Tasks.Length; i++)
        {
            var task = Tasks[i];
            if (task.MapCount is not { } count)
            {
                yield return new TaskRunRow(task.TaskName, task, Summary: null);
                continue;
            }

            var children = Tasks.Skip(i + 1).Take(count)
                .Where(child => MappedTaskName.TryParse(child.TaskName, out var map, out _) && map == task.TaskName)
                .ToArray();
            i += children.Length;
            var byStatus = children.GroupBy(child => child.Status).OrderBy(group => group.Key)
                .Select(group => $"{group.Count()} {group.Key}");
            yield return new TaskRunRow(
                task.TaskName, task, $"{count} {(count == 1 ? "child" : "children")}{(children.Length == 0 ? string.Empty : ": ")}{string.Join(", ", byStatus)}");
            var shown = children.Length <= childrenShown
                ? children
                : children.Where(child => !child.Status.IsSuccess()).Take(childrenShown).ToArray();
            foreach (var child in shown)
            {
                yield return new TaskRunRow(child.TaskName, child, Summary: null);
            }

            if (shown.Length < children.Length)
            {
                var others = children.Except(shown).ToArray();
                var statuses = string.Join(", ", others.GroupBy(child => child.Status).OrderBy(group => group.Key).Select(group => $"{group.Count()} {group.Key}"));
                yield return new TaskRunRow($"{task.TaskName}[…]", Task: null, $"{others.Length} more children ({statuses})");
            }
        }
    }
}

/// <summary>One row of a table of a run (see <see cref="FlowRunSnapshot.Rows"/>).</summary>
/// <param name="Name">The task's name, or <c>map[…]</c> for a row that counts children not shown.</param>
/// <param name="Task">The task run; <see langword="null"/> for a row that counts children not shown.</param>
/// <param name="Summary">For a map, its children by status; for a row that counts children, what it counts.</param>
public sealed record TaskRunRow(string Name, TaskRunState? Task, string? Summary);
