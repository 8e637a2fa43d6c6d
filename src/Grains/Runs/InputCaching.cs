using System.Collections.Immutable;
using Tributary.Results;

namespace Tributary.Runs;

/// <summary>What caching a failed attempt's inputs for its retry achieved.</summary>
/// <param name="Cached">Each cached input's safe value, by input name.</param>
/// <param name="Owned">The cached inputs this task stored itself (deleted once it succeeds).</param>
/// <param name="Uncached">Inputs whose handler's write failed.</param>
/// <param name="Fault">The first of those failures, if any.</param>
internal sealed record InputCaching(
    ImmutableDictionary<string, SafeResult> Cached, ImmutableArray<string> Owned, ImmutableArray<string> Uncached, Exception? Fault);
