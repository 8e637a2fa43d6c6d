using Tributary.Grains;

namespace Tributary.Flows;

public sealed partial class FlowDefinition
{
    /// <summary>A task named like a map's child (<c>score[0]</c> beside map <c>score</c>) would share its task-run grain.</summary>
    private static void CheckMapChildName(TaskNode task, Dictionary<string, TaskNode> tasks, List<string> problems)
    {
        if (MappedTaskName.TryParse(task.Name, out var mapName, out _) && tasks.TryGetValue(mapName, out var map) && map.Map is not null)
        {
            problems.Add($"task '{task.Name}' has the name of a child of map '{mapName}' (rename it)");
        }
    }
}
