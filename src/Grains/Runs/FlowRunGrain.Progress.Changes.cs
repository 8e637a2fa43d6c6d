using System.Collections.Immutable;
using Tributary.States;

namespace Tributary.Runs;

// Progress for viewers (IFlowRunGrain.WaitForChangeAsync): a version that changes with every status change, counts by
// status, and a long poll that answers when the version moves.
internal sealed partial class FlowRunGrain
{
    // A new activation starts a new series, so a version from an earlier activation never matches.
    private readonly string _activation = Guid.NewGuid().ToString("N")[..8];
    private long _changes;

    // Made only when a long poll waits: a status change with nobody waiting (the common case) allocates nothing.
    private TaskCompletionSource? _changed;

    public async Task<FlowRunProgress> WaitForChangeAsync(string? sinceVersion, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        if (sinceVersion == Version && !State.Status.IsFinal() && State.Status != FlowRunStatus.NotFound && maxWait > TimeSpan.Zero)
        {
            try
            {
                _changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await _changed.Task.WaitAsync(maxWait, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nothing changed: the caller asks again.
            }
        }

        return new FlowRunProgress
        {
            Version = Version,
            Status = State.Status,
            Counts = Counts(),
            Message = State.Message,
        };
    }

    // The counts of the statuses last counted: viewers polling a run that did not move cost no count.
    private (ImmutableDictionary<string, TaskRunStatus> Statuses, ImmutableSortedDictionary<TaskRunStatus, int> Counts)? _counted;

    private ImmutableSortedDictionary<TaskRunStatus, int> Counts()
    {
        var statuses = State.TaskStatuses;
        if (_counted is { } counted && ReferenceEquals(counted.Statuses, statuses))
        {
            return counted.Counts;
        }

        var counts = statuses.Values.GroupBy(status => status).ToImmutableSortedDictionary(group => group.Key, group => group.Count());
        _counted = (statuses, counts);
        return counts;
    }

    private string Version => $"{_activation}.{_changes}.{(int)State.Status}";

    /// <summary>A status changed: the version moves and the long polls answer.</summary>
    private void NoteChange()
    {
        _changes++;
        var changed = _changed;
        _changed = null;
        changed?.TrySetResult();
    }
}
