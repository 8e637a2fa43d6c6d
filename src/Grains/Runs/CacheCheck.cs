using System.Collections.Immutable;
using Tributary.Caching;

namespace Tributary.Runs;

/// <summary>What a cached task's attempt knows of its cache: the key, what its validator compares, and whether it holds the compute lease.</summary>
/// <param name="Key">The cache key.</param>
/// <param name="Version">The task's cache version.</param>
/// <param name="Validator">The task's validator.</param>
/// <param name="InputDigests">Digests of the inputs the validator selects.</param>
/// <param name="ParameterDigests">Digests of the run's parameters the validator selects.</param>
/// <param name="Fingerprint">The compute lease's name (see <see cref="CacheDigester.Fingerprint"/>).</param>
/// <param name="CodeIdentity">The task's code identity.</param>
/// <param name="Refresh">Whether the run ignores existing entries (<c>--refresh-cache</c>).</param>
internal sealed record CacheCheck(
    string Key,
    string? Version,
    ICacheValidator Validator,
    ImmutableDictionary<string, string> InputDigests,
    ImmutableDictionary<string, string> ParameterDigests,
    string Fingerprint,
    string CodeIdentity,
    bool Refresh)
{
    /// <summary>Whether this attempt holds the key's compute lease for <see cref="Fingerprint"/>.</summary>
    public bool HoldsLease { get; set; }
}
