using System.Globalization;
using Tributary.Flows;

namespace Tributary.Tests.Flows;

/// <summary>
/// Where a task of these flows records each execution: one line per attempt start (or failure) in the file named by
/// <see cref="Variable"/>, appended by whichever silo process runs it, so a test sees every execution across processes.
/// </summary>
public static class ExecutionLog
{
    /// <summary>The environment variable that names the log file; unset, nothing is recorded.</summary>
    public const string Variable = "TRIBUTARY_TEST_EXECUTION_LOG";

    private static readonly object Gate = new();

    /// <summary>The file whose existence releases a gated task of run <paramref name="flowRunId"/> (beside the log).</summary>
    public static string ReleasePath(string logPath, string flowRunId) =>
        Path.Combine(Path.GetDirectoryName(logPath)!, $"release-{flowRunId}");

    /// <summary>Waits until the test releases the run's gate (see <see cref="ReleasePath"/>); at once when nothing is logged.</summary>
    public static async Task WaitForReleaseAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
        {
            return;
        }

        var release = ReleasePath(path, context.FlowRunId);
        while (!File.Exists(release))
        {
            // Another process creates the file: there is no event to wait on across processes.
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }

    /// <summary>Appends <c>run task attempt event pid unix-ms</c>.</summary>
    public static void Append(TaskRunContext context, string what)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
        {
            return;
        }

        var line = string.Join(
            ' ',
            context.FlowRunId,
            context.TaskName,
            context.Attempt.ToString(CultureInfo.InvariantCulture),
            what,
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        lock (Gate)
        {
            // One write of a whole line in append mode: lines from several processes do not interleave.
            File.AppendAllText(path, line + "\n");
        }
    }
}
