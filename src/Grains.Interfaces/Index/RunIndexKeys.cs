using System.Globalization;

namespace Tributary.Index;

/// <summary>The keys of the run index's grains.</summary>
public static class RunIndexKeys
{
    /// <summary>The directory of flows that have runs.</summary>
    public const string Flows = "flows";

    /// <summary>The directory of one flow's UTC hours with runs.</summary>
    /// <param name="flowName">The flow.</param>
    public static string HoursOf(string flowName) => $"hours/{flowName}";

    /// <summary>The hour a run started in, UTC, as the index names it (<c>yyyy-MM-ddTHH</c>, sortable as text).</summary>
    /// <param name="startedAt">When the run started.</param>
    public static string Hour(DateTimeOffset startedAt) => startedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    /// <summary>The partition of a flow's runs started in an hour.</summary>
    /// <param name="flowName">The flow.</param>
    /// <param name="hour">The hour, as <see cref="Hour"/> gives it.</param>
    public static string Partition(string flowName, string hour) => $"{flowName}/{hour}";
}
