using System.Globalization;
using Spectre.Console;

namespace Tributary.Bench.Reporting;

/// <summary>
/// What each result-format configuration left on disk: files and bytes per stored output, against today's JSON
/// (embedded-local-checkpoint writes into the results folder itself; each codec variant into a subfolder named after it).
/// </summary>
public static class StoredBytesTable
{
    private const string Baseline = "embedded-local-checkpoint";

    public static Table Render(string resultsDirectory, IEnumerable<string> configurations)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Configuration", "Stored outputs", "Bytes per output", "× JSON bytes");
        var names = configurations.Where(c => c.StartsWith(Baseline, StringComparison.Ordinal)).ToArray();
        var perOutput = names.ToDictionary(n => n, n => Measure(n == Baseline ? resultsDirectory : Path.Combine(resultsDirectory, n), n == Baseline));
        foreach (var name in names)
        {
            var (files, bytes) = perOutput[name];
            var average = files == 0 ? 0 : (double)bytes / files;
            var baseline = perOutput.TryGetValue(Baseline, out var json) && json.Files > 0 ? (double)json.Bytes / json.Files : 0;
            table.AddRow(
                name,
                files.ToString(CultureInfo.InvariantCulture),
                average.ToString("N0", CultureInfo.InvariantCulture),
                baseline == 0 ? "-" : (average / baseline).ToString("0.0000", CultureInfo.InvariantCulture));
        }

        return table;
    }

    // The baseline's folder holds the variants' subfolders (and the retry cache's files): count only its own flows' files.
    private static (int Files, long Bytes) Measure(string directory, bool baseline)
    {
        if (!Directory.Exists(directory))
        {
            return (0, 0);
        }

        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !baseline || f.Contains($"-{Baseline}{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => new FileInfo(f).Length)
            .ToArray();
        return (files.Length, files.Sum());
    }
}
