namespace Tributary.Bench.Reporting;

/// <summary>One timed run of one workload in one configuration.</summary>
/// <param name="Round">The round (0, the warm-up, is not recorded).</param>
/// <param name="Workload">The workload's id.</param>
/// <param name="Configuration">The configuration's name.</param>
/// <param name="Tasks">The tasks this run had (a configuration may run a workload at a reduced size: per-task figures compare).</param>
/// <param name="Milliseconds">The run's time, start to checked-ready output.</param>
/// <param name="AllocatedBytes">Bytes allocated in the process during the run.</param>
/// <param name="PeakWorkingSetBytes">The process's largest working set sampled during the run (both silos, the client and the bench; Azurite is another process).</param>
/// <param name="HeldBytes">W5 only: managed memory still held after the run, after a full collection, beyond what was held before it (finished task runs' activations, mostly).</param>
/// <param name="StatusMilliseconds">The latencies of the status calls made every 200 ms during the run (W5, Tributary configurations), else empty.</param>
public sealed record Measurement(
    int Round,
    string Workload,
    string Configuration,
    int Tasks,
    double Milliseconds,
    long AllocatedBytes,
    long PeakWorkingSetBytes,
    long? HeldBytes,
    IReadOnlyList<double> StatusMilliseconds);
