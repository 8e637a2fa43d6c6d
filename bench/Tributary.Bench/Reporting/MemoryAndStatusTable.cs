using Spectre.Console;

namespace Tributary.Bench.Reporting;

/// <summary>W5's memory and status figures per configuration: peak working set, allocation and memory held per task, and the status call's latency during the run.</summary>
public static class MemoryAndStatusTable
{
    public static Table Render(IReadOnlyList<Measurement> measurements)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Workload", "Configuration", "Peak working set MB", "KB alloc/task", "KB held/task", "Status calls", "Status median ms", "Status p95 ms");
        foreach (var group in measurements.GroupBy(m => (m.Workload, m.Configuration)))
        {
            var tasks = group.First().Tasks;
            // Latencies pooled over the rounds: each round gives a handful of calls.
            var status = group.SelectMany(m => m.StatusMilliseconds).Order().ToArray();
            table.AddRow(
                group.Key.Workload,
                group.Key.Configuration,
                ResultTable.Format(ResultTable.Median(group.Select(m => m.PeakWorkingSetBytes / 1024.0 / 1024).Order().ToArray()), "0"),
                ResultTable.Format(group.Average(m => m.AllocatedBytes) / tasks / 1024, "0.0"),
                group.All(m => m.HeldBytes is null) ? "-" : ResultTable.Format(ResultTable.Median(group.Where(m => m.HeldBytes is not null).Select(m => m.HeldBytes!.Value / 1024.0 / tasks).Order().ToArray()), "0.0"),
                status.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                status.Length == 0 ? "-" : ResultTable.Format(ResultTable.Median(status), "0.0"),
                status.Length == 0 ? "-" : ResultTable.Format(Percentile(status, 0.95), "0.0"));
        }

        return table;
    }

    // Nearest rank.
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
