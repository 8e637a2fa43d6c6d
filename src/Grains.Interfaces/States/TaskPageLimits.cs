namespace Tributary.States;

/// <summary>The bounds of a task-table page (<c>IFlowRunGrain.GetTaskPageAsync</c>), checked the same way by the grain and the SDK.</summary>
public static class TaskPageLimits
{
    /// <summary>The most rows one page may ask for: 500.</summary>
    public const int MaxLimit = 500;

    /// <summary>Throws a clear <see cref="ArgumentOutOfRangeException"/> for a negative offset or a limit outside 1..<see cref="MaxLimit"/>.</summary>
    /// <param name="offset">The first row asked for, from 0.</param>
    /// <param name="limit">How many rows were asked for.</param>
    /// <param name="offsetName">The offset's parameter name, for the error.</param>
    /// <param name="limitName">The limit's parameter name, for the error.</param>
    public static void Check(int offset, int limit, string offsetName = "offset", string limitName = "limit")
    {
        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(offsetName, offset, $"A task page's {offsetName} must be 0 or more (the first row is 0); it was {offset}.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(limitName, limit, $"A task page's {limitName} must be from 1 to {MaxLimit}; it was {limit}.");
        }
    }
}
