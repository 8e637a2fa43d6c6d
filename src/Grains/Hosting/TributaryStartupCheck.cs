using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tributary.Flows;
using Tributary.Options;

namespace Tributary.Hosting;

/// <summary>Resolves the flow catalog and the options at start-up, so that invalid configuration fails the silo's start.</summary>
internal sealed class TributaryStartupCheck(IFlowCatalog flows, IOptions<TributaryOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = flows.Names;
        _ = options.Value;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
