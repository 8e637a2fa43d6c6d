using System.Runtime.CompilerServices;
using Tributary.Flows;

namespace Tributary.Caching;

/// <summary>The identity of a task's code (its method's IL hash, as flow versions take it), computed once per task definition.</summary>
internal static class TaskCodeIdentities
{
    private static readonly ConditionalWeakTable<TaskNode, string> Known = [];

    /// <summary>A short hash of the task's code.</summary>
    public static string Of(TaskNode task) => Known.GetValue(task, static node =>
    {
        var text = new VersionText();
        TaskCodeIdentity.Write(text, node.Function.Method);
        return text.Hash();
    });
}
