using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tributary.Diagnostics;

/// <summary>
/// The engine's metrics (meter <c>Tributary</c>, made by the host's <see cref="IMeterFactory"/>) and traces (activity
/// source <c>Tributary</c>). Export them with OpenTelemetry or watch them with
/// <c>dotnet-counters monitor --counters Tributary</c>. Tags carry flow, task and handler names only, never values.
/// </summary>
/// <remarks>
/// A silo has one, registered by <c>AddTributary</c>; its meter belongs to the silo's meter factory, so two silos in one
/// process (or a test's own factory) keep their measurements apart.
/// </remarks>
public sealed class TributaryTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Tributary";

    /// <summary>The name of <see cref="Attempts"/>.</summary>
    public const string AttemptsName = "tributary.task.attempts";

    /// <summary>The name of <see cref="AttemptDuration"/>.</summary>
    public const string AttemptDurationName = "tributary.task.attempt.duration";

    /// <summary>The name of <see cref="StoreDuration"/>.</summary>
    public const string StoreDurationName = "tributary.result.store.duration";

    /// <summary>The name of <see cref="OutputSize"/>.</summary>
    public const string OutputSizeName = "tributary.task.output.size";

    /// <summary>Creates the instruments on a meter of <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The host's meter factory (which owns and disposes the meter).</param>
    public TributaryTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(Name);
        Attempts = Meter.CreateCounter<long>(AttemptsName, description: "Task attempts that ended");
        AttemptDuration = Meter.CreateHistogram<double>(AttemptDurationName, unit: "ms", description: "Duration of task attempts");
        StoreDuration = Meter.CreateHistogram<double>(StoreDurationName, unit: "ms", description: "Duration of result writes through handlers");
        OutputSize = Meter.CreateHistogram<long>(OutputSizeName, unit: "By", description: "Serialized size of task outputs passed downstream");
    }

    /// <summary>Traces: one activity per task attempt. Static: activity sources have no factory, and listeners pick them by name.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>The meter, named <see cref="Name"/>.</summary>
    public Meter Meter { get; }

    /// <summary>Task attempts that ended, tagged <c>flow</c>, <c>task</c> and <c>outcome</c> (success, retrying, failed).</summary>
    public Counter<long> Attempts { get; }

    /// <summary>How long attempts took, in milliseconds, tagged like <see cref="Attempts"/>.</summary>
    public Histogram<double> AttemptDuration { get; }

    /// <summary>How long a handler took to store a result (checkpoints, cached inputs), in milliseconds, tagged <c>handler</c>.</summary>
    public Histogram<double> StoreDuration { get; }

    /// <summary>The size of outputs passed to downstream tasks, in bytes, tagged <c>flow</c> and <c>task</c>.</summary>
    public Histogram<long> OutputSize { get; }
}
