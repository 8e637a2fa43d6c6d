namespace Tributary.Bench.Reporting;

/// <summary>What a configuration observed while it ran one workload, besides its time: the status calls it made during the run.</summary>
public sealed class RunObservations
{
    private readonly List<double> _statusMilliseconds = [];

    /// <summary>Each status call's latency, in the order they were made.</summary>
    public IReadOnlyList<double> StatusMilliseconds => _statusMilliseconds;

    public void AddStatusCall(TimeSpan latency) => _statusMilliseconds.Add(latency.TotalMilliseconds);
}
