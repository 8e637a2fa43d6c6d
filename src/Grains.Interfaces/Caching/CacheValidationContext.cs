using System.Collections.Immutable;

namespace Tributary.Caching;

/// <summary>What a <see cref="ICacheValidator"/> knows of the current run: the time, and keyed digests of what it compares.</summary>
/// <param name="Now">The silo's current time.</param>
/// <param name="InputDigests">The digests of the task's inputs that the validator's <see cref="ICacheValidator.Inputs"/> selects, by input name.</param>
/// <param name="ParameterDigests">The digests of the run's parameters that its <see cref="ICacheValidator.Parameters"/> selects, by parameter name.</param>
public sealed record CacheValidationContext(
    DateTimeOffset Now,
    ImmutableDictionary<string, string> InputDigests,
    ImmutableDictionary<string, string> ParameterDigests);
