using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tributary.Diagnostics;

/// <summary>
/// The engine's metrics (meter <c>Tributary</c>) and traces (activity source <c>Tributary</c>). Export them with
/// OpenTelemetry or watch them with <c>dotnet-counters monitor --counters Tributary</c>. Tags carry flow, task and
/// handler names only, never values.
/// </summary>
public static class TributaryTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Tributary";

    private static readonly Meter Meter = new(Name);

    /// <summary>Traces: one activity per task attempt.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Task attempts that ended, tagged <c>flow</c>, <c>task</c> and <c>outcome</c> (success, retrying, failed).</summary>
    public static Counter<long> Attempts { get; } = Meter.CreateCounter<long>("tributary.task.attempts", description: "Task attempts that ended");

    /// <summary>How long attempts took, in milliseconds, tagged like <see cref="Attempts"/>.</summary>
    public static Histogram<double> AttemptDuration { get; } =
        Meter.CreateHistogram<double>("tributary.task.attempt.duration", unit: "ms", description: "Duration of task attempts");

    /// <summary>How long a handler took to store a result (checkpoints, cached inputs), in milliseconds, tagged <c>handler</c>.</summary>
    public static Histogram<double> StoreDuration { get; } =
        Meter.CreateHistogram<double>("tributary.result.store.duration", unit: "ms", description: "Duration of result writes through handlers");

    /// <summary>The size of outputs passed to downstream tasks, in bytes, tagged <c>flow</c> and <c>task</c>.</summary>
    public static Histogram<long> OutputSize { get; } =
        Meter.CreateHistogram<long>("tributary.task.output.size", unit: "By", description: "Serialized size of task outputs passed downstream");
}
