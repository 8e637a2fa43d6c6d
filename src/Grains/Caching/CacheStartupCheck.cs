using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tributary.Flows;
using Tributary.Options;

namespace Tributary.Caching;

/// <summary>
/// Checks the cache settings when the silo starts: they must be valid, and a cluster silo (see
/// <see cref="CacheOptions.RequireDigestKey"/>) must have <c>Tributary:Cache:DigestKey</c> if any registered flow has a
/// cached task whose validator compares inputs or parameters.
/// </summary>
internal sealed class CacheStartupCheck(IFlowCatalog flows, IOptions<CacheOptions> options, CacheDigester digester) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.RequireDigestKey || !digester.KeyIsRandom)
        {
            return Task.CompletedTask;
        }

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
            throw new InvalidOperationException(
                $"{CacheOptions.SectionName}:{nameof(CacheOptions.DigestKey)} is not set, and cached tasks compare inputs or parameters " +
                $"({string.Join(", ", comparing)}): every silo of a cluster needs the same key (base64, at least " +
                $"{CacheOptions.MinDigestKeyBytes} bytes, e.g. `openssl rand -base64 32`), kept outside the store.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
