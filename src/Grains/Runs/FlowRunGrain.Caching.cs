using System.Collections.Immutable;
using Tributary.Grains;
using Tributary.States;

namespace Tributary.Runs;

// The run's cache option (run --refresh-cache): recorded in its state, which its cached tasks read when they start.
internal sealed partial class FlowRunGrain
{
    private bool _refreshCache;

    public Task<FlowRunState> StartAsync(string flowName, ImmutableDictionary<string, string> parameters, FlowRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _refreshCache = options.RefreshCache;
        return StartAsync(flowName, parameters);
    }
}
