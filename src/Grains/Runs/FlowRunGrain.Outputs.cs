using Tributary.Grains;
using Tributary.States;

namespace Tributary.Runs;

// Outputs held in task-run memory (only there, or beside their checkpoint): the run releases each once no task of the
// run needs it.
internal sealed partial class FlowRunGrain
{
    // Tasks that reported a success held in memory (only there, or as a copy of the stored output) and have not been
    // released yet. Incomplete after this grain was reactivated mid-run (_holdingUnknown): the run's end then releases
    // every task that succeeded.
    private readonly HashSet<string> _holding = new(StringComparer.Ordinal);
    private bool _holdingUnknown;

    // Tasks that failed because their state could not be stored, with the storage's message, for the run's message.
    private readonly Dictionary<string, string> _storageFaults = new(StringComparer.Ordinal);

    private void NoteReport(TaskRunReport report)
    {
        if (report.Status.IsSuccess() && (report.HoldsOutput || report.KeepsStoredOutput))
        {
            _holding.Add(report.TaskName);
        }

        if (report.StorageFault && report.Message is { } message)
        {
            _storageFaults[report.TaskName] = message;
        }
    }

    /// <summary>
    /// Releases the upstream outputs of <paramref name="finished"/> that no downstream task needs any more: each is final
    /// (it used the output, or never will).
    /// </summary>
    private void ReleaseUsedOutputs(string finished)
    {
        if (_holding.Count == 0 || !Definition.Upstream.TryGetValue(finished, out var upstreams))
        {
            return;
        }

        foreach (var upstream in upstreams)
        {
            if (DownstreamOf(upstream).All(task => StatusOf(task).IsFinal()))
            {
                if (_holding.Remove(upstream))
                {
                    TaskGrain(upstream).ReleaseOutputAsync().Ignore();
                }

                ReleaseMapChildren(upstream); // a map's list is its children's outputs
            }
        }
    }

    /// <summary>The run ended: no held output is needed any more.</summary>
    private void ReleaseAllOutputs()
    {
        var held = _holdingUnknown
            ? State.TaskStatuses.Where(pair => pair.Value == TaskRunStatus.Success).Select(pair => pair.Key)
            : _holding;
        foreach (var task in held)
        {
            TaskGrain(task).ReleaseOutputAsync().Ignore();
        }

        _holding.Clear();
    }

    private string? StorageFaultSummary() =>
        _storageFaults.Count == 0
            ? null
            : " Storage faults: " + string.Join("; ", _storageFaults.Select(pair => $"{pair.Key}: {pair.Value}"));
}
