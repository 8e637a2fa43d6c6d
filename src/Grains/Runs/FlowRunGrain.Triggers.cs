using Tributary.Flows;
using Tributary.States;

namespace Tributary.Runs;

// Triggers: what a pending task becomes once its upstream tasks are final (see TaskTrigger for each rule).
internal sealed partial class FlowRunGrain
{
    // For a task marked UpstreamFailed in this activation: the failed task at the root of it, for the messages of the
    // tasks further down. Empty after a restart, when the messages name the nearest upstream task only.
    private readonly Dictionary<string, string> _failureRoots = new(StringComparer.Ordinal);

    private TaskTrigger TriggerOf(string taskName) =>
        Definition.Tasks.TryGetValue(taskName, out var task) ? task.Options.Trigger : TaskTrigger.AllSuccessful;

    private TaskOutcome OutcomeOf(string taskName) => TaskOutcomes.Of(StatusOf(taskName), TriggerOf(taskName));

    /// <summary>What the trigger of pending <paramref name="taskName"/> decides now.</summary>
    /// <param name="taskName">The pending task.</param>
    /// <param name="finished">The upstream task whose end led here, if any: with the default trigger its failure decides at once.</param>
    /// <returns>The verdict, and the upstream task it names (the failed or skipped one), if any.</returns>
    private (TriggerVerdict Verdict, string? Cause) Decide(string taskName, string? finished)
    {
        var trigger = TriggerOf(taskName);
        var upstreams = Definition.Upstream.TryGetValue(taskName, out var list) ? list : [];
        if (trigger == TaskTrigger.AllSuccessful)
        {
            return DecideAllSuccessful(upstreams, finished);
        }

        // Last upstreams first: they tend to finish last, so a check of a task still waiting stops early.
        int succeeded = 0, failed = 0, skipped = 0;
        for (var i = upstreams.Count - 1; i >= 0; i--)
        {
            switch (OutcomeOf(upstreams[i]))
            {
                case TaskOutcome.Unfinished:
                    return (TriggerVerdict.Wait, null);
                case TaskOutcome.Succeeded:
                    succeeded++;
                    break;
                case TaskOutcome.Failed:
                    failed++;
                    break;
                default:
                    skipped++;
                    break;
            }
        }

        var verdict = trigger switch
        {
            TaskTrigger.AllFinished => TriggerVerdict.Run,
            TaskTrigger.AnyFailed => failed > 0 ? TriggerVerdict.Run : TriggerVerdict.TriggerFailed,
            TaskTrigger.AllFailed => failed > 0 && failed == upstreams.Count ? TriggerVerdict.Run : TriggerVerdict.TriggerFailed,
            TaskTrigger.AnySuccessful when succeeded > 0 => TriggerVerdict.Run,
            TaskTrigger.AnySuccessful when failed == 0 && skipped > 0 => TriggerVerdict.Skipped,
            _ => TriggerVerdict.TriggerFailed,
        };
        return (verdict, null);
    }

    private (TriggerVerdict Verdict, string? Cause) DecideAllSuccessful(IReadOnlyList<string> upstreams, string? finished)
    {
        if (finished is not null && OutcomeOf(finished) == TaskOutcome.Failed)
        {
            return (TriggerVerdict.UpstreamFailed, finished); // decided without waiting for the others, as always
        }

        // Last upstreams first, as in Decide: a fan-in's check stops at the first one still going.
        string? skipped = null;
        for (var i = upstreams.Count - 1; i >= 0; i--)
        {
            switch (OutcomeOf(upstreams[i]))
            {
                case TaskOutcome.Unfinished:
                    return (TriggerVerdict.Wait, null);
                case TaskOutcome.Failed:
                    return (TriggerVerdict.UpstreamFailed, upstreams[i]);
                case TaskOutcome.Skipped:
                    skipped ??= upstreams[i];
                    break;
            }
        }

        return skipped is null ? (TriggerVerdict.Run, null) : (TriggerVerdict.Skipped, skipped);
    }

    /// <summary>The status and message of a task its trigger does not run.</summary>
    private (TaskRunStatus Status, string Reason) NotRun(string taskName, TriggerVerdict verdict, string? cause)
    {
        switch (verdict)
        {
            case TriggerVerdict.UpstreamFailed:
                var causeStatus = StatusOf(cause!);
                var root = causeStatus == TaskRunStatus.UpstreamFailed ? _failureRoots.GetValueOrDefault(cause!) : null;
                _failureRoots[taskName] = root ?? cause!;
                return (TaskRunStatus.UpstreamFailed, causeStatus == TaskRunStatus.Failed
                    ? $"Not run: upstream task '{cause}' failed."
                    : root is not null
                        ? $"Not run: upstream task '{cause}' did not run because '{root}' failed."
                        : $"Not run: upstream task '{cause}' did not succeed ({causeStatus}).");
            case TriggerVerdict.Skipped:
                return (TaskRunStatus.Skipped, cause is null
                    ? "Skipped: every upstream task was skipped."
                    : $"Skipped: upstream task '{cause}' was skipped.");
            default:
                return (TaskRunStatus.TriggerFailed, $"Not run: its trigger {TriggerOf(taskName)} does not hold ({DescribeUpstreams(taskName)}).");
        }
    }

    private string DescribeUpstreams(string taskName)
    {
        var upstreams = Definition.Upstream[taskName];
        return string.Join(", ", upstreams.Select(upstream => $"'{upstream}' {StatusOf(upstream)}"));
    }

    /// <summary>The tasks that count as failures of the run (see <see cref="TaskRunStatus"/>), or that are not final.</summary>
    private string[] TasksFailingTheRun()
    {
        // Without its definition (its version is gone) the run cannot tell triggers: only Success and Skipped pass.
        var known = HasOwnFlowVersion();
        return State.TaskStatuses
            .Where(pair => !known || MapOfChild(pair.Key) is null) // a map's failed children fail their map, which is named
            .Where(pair => TaskOutcomes.Of(pair.Value, known ? TriggerOf(pair.Key) : TaskTrigger.AllSuccessful) is TaskOutcome.Failed or TaskOutcome.Unfinished)
            .Select(pair => pair.Key)
            .ToArray();
    }
}
