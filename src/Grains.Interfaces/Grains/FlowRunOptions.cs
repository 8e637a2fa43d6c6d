namespace Tributary.Grains;

/// <summary>Options of one flow run, given when it starts.</summary>
[GenerateSerializer, Immutable, Alias("tributary.flow-run-options")]
public sealed record FlowRunOptions
{
    /// <summary>The defaults: nothing special.</summary>
    public static FlowRunOptions Default { get; } = new();

    /// <summary>
    /// Whether the run's cached tasks ignore existing cache entries: they run and add fresh ones (which later runs use).
    /// Default <see langword="false"/>.
    /// </summary>
    [Id(0)]
    public bool RefreshCache { get; init; }
}
