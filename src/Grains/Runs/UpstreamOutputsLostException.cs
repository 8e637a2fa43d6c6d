namespace Tributary.Runs;

/// <summary>Upstream tasks succeeded, but their outputs were neither kept nor stored: they must run again.</summary>
internal sealed class UpstreamOutputsLostException(IReadOnlyList<string> upstreams)
    : Exception($"Outputs of {string.Join(", ", upstreams)} were lost.")
{
    public IReadOnlyList<string> Upstreams { get; } = upstreams;
}
