using System.Globalization;
using Spectre.Console;
using Tributary.Bench.Configurations;

namespace Tributary.Bench.Reporting;

/// <summary>Summarizes measurements per workload and configuration: median with min/max, throughput, allocation, the ratio to raw Orleans and to the durable floor from the same rounds, and durable Tributary's speed per task against the peer baseline's.</summary>
public static class ResultTable
{
    public static Table Render(IReadOnlyList<Measurement> measurements)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Workload", "Configuration", "Median ms", "Min–max ms", "Tasks/s", "ms/task", "KB alloc/task", "× raw Orleans", "× durable floor", "speed × durabletask");
        foreach (var workload in measurements.GroupBy(m => m.Workload))
        {
            var rawByRound = ByRound(workload, RawOrleansConfiguration.ConfigurationName);
            var floorByRound = ByRound(workload, RawOrleansConfiguration.FloorName);
            var peerPerTaskByRound = workload.Where(m => m.Configuration == DurableTaskConfiguration.ConfigurationName)
                .ToDictionary(m => m.Round, m => m.Milliseconds / m.Tasks);
            foreach (var configuration in workload.GroupBy(m => m.Configuration))
            {
                var times = configuration.Select(m => m.Milliseconds).Order().ToArray();
                var median = Median(times);
                var tasks = configuration.First().Tasks;
                var ratios = RatiosTo(rawByRound, configuration);
                // The durable configurations against the least durable work per task, measured in the same rounds.
                var floorRatios = configuration.Key.StartsWith("durable-", StringComparison.Ordinal) && configuration.Key != RawOrleansConfiguration.FloorName
                    ? RatiosTo(floorByRound, configuration)
                    : [];
                // Durable Tributary's speed per task against the peer's in the same round (it may run at a smaller size).
                var peerSpeedups = configuration.Key == "durable-azure"
                    ? configuration.Where(m => peerPerTaskByRound.ContainsKey(m.Round)).Select(m => peerPerTaskByRound[m.Round] / (m.Milliseconds / m.Tasks)).Order().ToArray()
                    : [];
                table.AddRow(
                    workload.Key,
                    configuration.Key,
                    Format(median),
                    $"{Format(times[0])}–{Format(times[^1])}",
                    Format(tasks / (median / 1000)),
                    Format(median / tasks, "0.000"),
                    Format(configuration.Average(m => m.AllocatedBytes) / tasks / 1024, "0.0"),
                    ratios.Length == 0 ? "-" : Format(Median(ratios), "0.00"),
                    floorRatios.Length == 0 ? "-" : Format(Median(floorRatios), "0.00"),
                    peerSpeedups.Length == 0 ? "-" : Format(Median(peerSpeedups), "0.00"));
            }
        }

        return table;
    }

    private static Dictionary<int, double> ByRound(IEnumerable<Measurement> measurements, string configuration) =>
        measurements.Where(m => m.Configuration == configuration).ToDictionary(m => m.Round, m => m.Milliseconds);

    private static double[] RatiosTo(Dictionary<int, double> baselineByRound, IEnumerable<Measurement> measurements) =>
        measurements.Where(m => baselineByRound.ContainsKey(m.Round)).Select(m => m.Milliseconds / baselineByRound[m.Round]).Order().ToArray();

    /// <summary>The median of ascending <paramref name="sorted"/>.</summary>
    public static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    public static string Format(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
