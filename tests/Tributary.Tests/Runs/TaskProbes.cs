using System.Collections.Concurrent;
using Tributary.Flows;

namespace Tributary.Tests.Runs;

/// <summary>
/// What test tasks tell the tests, keyed by flow run so that runs never see each other's: how often each task's code
/// ran, what it received, gates it waits on and marks a test sets. Static because the silos run in this process.
/// </summary>
public static class TaskProbes
{
    private static readonly ConcurrentDictionary<(string Run, string Task), int> Invocations = new();
    private static readonly ConcurrentDictionary<(string Run, string Task), object?> Received = new();
    private static readonly ConcurrentDictionary<(string Run, string Name), TaskCompletionSource> Gates = new();
    private static readonly ConcurrentDictionary<(string Run, string Name), bool> Marks = new();

    /// <summary>Counts one run of the task's code; call it first thing in a test task.</summary>
    /// <returns>How many times the code has run for this run, this call included.</returns>
    public static int Count(TaskRunContext context) =>
        Invocations.AddOrUpdate((context.FlowRunId, context.TaskName), 1, (_, count) => count + 1);

    /// <summary>How many times a task's code ran in a run.</summary>
    public static int CountOf(string runId, string taskName) => Invocations.GetValueOrDefault((runId, taskName));

    /// <summary>Records what a task received.</summary>
    public static void Record(TaskRunContext context, object? value) => Received[(context.FlowRunId, context.TaskName)] = value;

    /// <summary>What a task last recorded.</summary>
    public static object? ReceivedBy(string runId, string taskName) => Received.GetValueOrDefault((runId, taskName));

    /// <summary>A gate for a run; a task awaits it, a test opens it with <see cref="TaskCompletionSource.TrySetResult()"/>.</summary>
    public static TaskCompletionSource Gate(string runId, string name) =>
        Gates.GetOrAdd((runId, name), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Sets a mark for a run.</summary>
    public static void Mark(string runId, string name) => Marks[(runId, name)] = true;

    /// <summary>Whether a mark is set.</summary>
    public static bool IsMarked(string runId, string name) => Marks.ContainsKey((runId, name));
}
