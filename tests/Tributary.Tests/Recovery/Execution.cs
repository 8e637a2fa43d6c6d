using System.Globalization;

namespace Tributary.Tests.Recovery;

/// <summary>One line of the execution log that the test flows write (see <c>Tributary.Tests.Flows.ExecutionLog</c>).</summary>
public sealed record Execution(string FlowRunId, string TaskName, int Attempt, string Event, int Pid, DateTimeOffset At)
{
    /// <summary>Reads every whole line of the log (a line being written last may be cut; it is left out).</summary>
    public static IReadOnlyList<Execution> ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var whole = text.EndsWith('\n') ? text : text[..(text.LastIndexOf('\n') + 1)];
        return whole.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
    }

    private static Execution Parse(string line)
    {
        var parts = line.Split(' ');
        return new Execution(
            parts[0],
            parts[1],
            int.Parse(parts[2], CultureInfo.InvariantCulture),
            parts[3],
            int.Parse(parts[4], CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[5], CultureInfo.InvariantCulture)));
    }
}
