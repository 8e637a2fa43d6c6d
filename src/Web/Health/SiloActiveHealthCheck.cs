using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Tributary.Web.Health;

/// <summary>Healthy while this silo is an active member of its cluster; unhealthy while it joins, shuts down or is dead.</summary>
/// <param name="oracle">The silo's view of its own membership status.</param>
public sealed class SiloActiveHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = oracle.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is active.")
            : HealthCheckResult.Unhealthy($"The silo is {status}."));
    }
}
