namespace Tributary.Grains;

/// <summary>The key of a task-run grain: <c>"{flowRunId}/{taskName}"</c> (task names cannot hold '/').</summary>
public static class TaskRunKey
{
    /// <summary>Builds the key.</summary>
    /// <param name="flowRunId">The flow run.</param>
    /// <param name="taskName">The task.</param>
    public static string Of(string flowRunId, string taskName) => $"{flowRunId}/{taskName}";

    /// <summary>Splits a key.</summary>
    /// <param name="key">A key made by <see cref="Of"/>.</param>
    public static (string FlowRunId, string TaskName) Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new ArgumentException($"'{key}' is not a task-run key of the form 'flowRunId/taskName'.", nameof(key));
        }

        return (key[..slash], key[(slash + 1)..]);
    }
}
