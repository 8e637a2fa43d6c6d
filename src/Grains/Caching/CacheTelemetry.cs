using System.Diagnostics.Metrics;
using Tributary.Diagnostics;

namespace Tributary.Caching;

/// <summary>
/// The cache's metric, on the engine's meter (<see cref="TributaryTelemetry.Name"/>, from the host's
/// <see cref="IMeterFactory"/>, which gives the same meter for the same name).
/// </summary>
public sealed class CacheTelemetry
{
    /// <summary>The name of <see cref="Lookups"/>.</summary>
    public const string LookupsName = "tributary.cache.lookups";

    /// <summary>Creates the instrument on the engine's meter.</summary>
    /// <param name="meterFactory">The host's meter factory.</param>
    public CacheTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Lookups = meterFactory.Create(TributaryTelemetry.Name).CreateCounter<long>(LookupsName, description: "Cache checks of cached tasks by outcome");
    }

    /// <summary>
    /// Cache checks of cached tasks' attempts, tagged <c>flow</c>, <c>task</c>, <c>key</c> and <c>outcome</c>: <c>hit</c>
    /// (an entry answered), <c>miss</c> (the code runs), <c>refresh</c> (the run ignores entries) or <c>unavailable</c>
    /// (the cache could not be checked; the code runs).
    /// </summary>
    public Counter<long> Lookups { get; }
}
