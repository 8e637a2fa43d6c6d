namespace Tributary.Runs;

/// <summary>Names the engine uses with Orleans.</summary>
public static class TributaryStorage
{
    /// <summary>The grain storage provider flow-run and task-run state is persisted through (register one under this name).</summary>
    public const string Name = "tributary";
}
