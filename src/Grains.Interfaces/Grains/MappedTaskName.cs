using System.Globalization;

namespace Tributary.Grains;

/// <summary>
/// The names of a map's children: the task run that maps element <c>i</c> of the list of map <c>score</c> is
/// <c>score[i]</c> (its grain key <c>"{flowRunId}/score[i]"</c>). A flow cannot have a task of such a name beside its map.
/// </summary>
public static class MappedTaskName
{
    /// <summary>The name of child <paramref name="index"/> of map <paramref name="mapName"/>.</summary>
    /// <param name="mapName">The map's task name.</param>
    /// <param name="index">The element's index, from 0.</param>
    public static string Of(string mapName, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{mapName}[{index}]");

    /// <summary>Splits a name of the form <c>map[i]</c> (<c>i</c> a canonical non-negative integer).</summary>
    /// <param name="taskName">A task name.</param>
    /// <param name="mapName">The part before the brackets.</param>
    /// <param name="index">The index.</param>
    /// <returns>Whether the name has that form; whether <paramref name="mapName"/> is a map is for the flow to say.</returns>
    public static bool TryParse(string taskName, out string mapName, out int index)
    {
        mapName = string.Empty;
        index = -1;
        if (taskName.Length < 4 || taskName[^1] != ']')
        {
            return false;
        }

        var open = taskName.LastIndexOf('[');
        var digits = open > 0 ? taskName.AsSpan(open + 1, taskName.Length - open - 2) : default;
        if (digits.Length == 0 || (digits.Length > 1 && digits[0] == '0')
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            index = -1;
            return false;
        }

        mapName = taskName[..open];
        return true;
    }
}
