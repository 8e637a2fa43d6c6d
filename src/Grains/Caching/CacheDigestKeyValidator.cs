using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Flows;
using Tributary.Options;

namespace Tributary.Caching;

/// <summary>
/// Stops a cluster silo's start (see <see cref="CacheOptions.RequireDigestKey"/>) that has no <c>Tributary:Cache:DigestKey</c>
/// while a registered flow has a cached task whose validator compares inputs or parameters: a random per-silo key would
/// make every such entry a miss on the other silos and after a restart.
/// </summary>
/// <remarks>Like the flow catalog's check, this looks at registrations (the flows), so it is Orleans' configuration hook, not an options validator.</remarks>
internal sealed class CacheDigestKeyValidator(IServiceProvider services) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var settings = services.GetRequiredService<IOptions<CacheOptions>>().Value;
        if (!settings.RequireDigestKey || !services.GetRequiredService<CacheDigester>().KeyIsRandom)
        {
            return;
        }

        var flows = services.GetRequiredService<IFlowCatalog>();
        var comparing = flows.Names
            .SelectMany(name => flows.VersionsOf(name).Select(version => flows.Get(name, version)))
            .SelectMany(flow => flow.Tasks.Values
                .Where(task => task.Options is { CacheFor: not null, CacheValidator: { } validator }
                               && !(validator.Inputs.IsNone && validator.Parameters.IsNone))
                .Select(task => $"{flow.Name}/{task.Name}"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (comparing.Length > 0)
        {
            throw new OrleansConfigurationException(
                $"{CacheOptions.SectionName}:{nameof(CacheOptions.DigestKey)} is not set, and cached tasks compare inputs or parameters " +
                $"({string.Join(", ", comparing)}): every silo of a cluster needs the same key (base64, at least " +
                $"{CacheOptions.MinDigestKeyBytes} bytes, e.g. `openssl rand -base64 32`), kept outside the store.");
        }
    }
}
