using System.Collections.Immutable;

namespace Tributary.Caching;

/// <summary>
/// The built-in cache validators (set one as <see cref="Flows.TaskOptions.CacheValidator"/>), and a base for validators
/// of your own. Every built-in one but <see cref="NeverUse"/> first requires the entry not to have expired.
/// </summary>
public abstract class CacheValidator : ICacheValidator
{
    /// <summary>Always invalid: the task always runs (and still adds entries).</summary>
    public static ICacheValidator NeverUse { get; } = new NeverUseValidator();

    /// <summary>The default when <see cref="Flows.TaskOptions.CacheFor"/> is set: valid while now is before the entry's expiry; an entry without expiry never expires.</summary>
    public static ICacheValidator DurationOnly { get; } = new DigestValidator("DurationOnly", CacheSelection.None, CacheSelection.None);

    /// <summary>Unexpired, and the task's inputs equal the entry's exactly: the same names, equal values.</summary>
    public static ICacheValidator AllInputs { get; } = new DigestValidator("AllInputs", CacheSelection.All, CacheSelection.None);

    /// <summary>Unexpired, and the run's parameters equal the entry's exactly: the same names, equal values.</summary>
    public static ICacheValidator AllParameters { get; } = new DigestValidator("AllParameters", CacheSelection.None, CacheSelection.All);

    /// <summary>Unexpired, and the named inputs equal the entry's (the others do not count).</summary>
    /// <param name="names">Input names of the task; checked at <see cref="Flows.FlowBuilder.Build"/>.</param>
    /// <exception cref="ArgumentException">No name, or an empty one.</exception>
    public static ICacheValidator PartialInputsOnly(params string[] names) =>
        new DigestValidator("PartialInputsOnly", CacheSelection.Only(names), CacheSelection.None);

    /// <summary>Unexpired, and the named parameters of the run equal the entry's (the others do not count).</summary>
    /// <param name="names">Parameter names of the flow; checked at <see cref="Flows.FlowBuilder.Build"/>.</param>
    /// <exception cref="ArgumentException">No name, or an empty one.</exception>
    public static ICacheValidator PartialParametersOnly(params string[] names) =>
        new DigestValidator("PartialParametersOnly", CacheSelection.None, CacheSelection.Only(names));

    /// <inheritdoc />
    public abstract CacheSelection Inputs { get; }

    /// <inheritdoc />
    public abstract CacheSelection Parameters { get; }

    /// <inheritdoc />
    public abstract bool IsValid(CacheEntry entry, CacheValidationContext current);

    /// <summary>Whether the entry has not expired (an entry without expiry never does).</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="current">The check's context (its time).</param>
    protected static bool Unexpired(CacheEntry entry, CacheValidationContext current)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(current);
        return !entry.IsExpiredAt(current.Now);
    }

    /// <summary>
    /// Whether the digests the entry recorded match the current ones for <paramref name="selection"/>: for
    /// <see cref="CacheSelection.All"/>, the same names with equal digests; for named ones, each present on both sides
    /// and equal. An entry that recorded nothing matches only <see cref="CacheSelection.None"/>.
    /// </summary>
    /// <param name="selection">What is compared.</param>
    /// <param name="recorded">The entry's digests (<see langword="null"/> when it recorded none).</param>
    /// <param name="current">The current digests.</param>
    protected static bool Match(CacheSelection selection, ImmutableDictionary<string, string>? recorded, ImmutableDictionary<string, string> current)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(current);
        if (selection.IsNone)
        {
            return true;
        }

        if (recorded is null)
        {
            return false;
        }

        if (selection.IsAll)
        {
            return recorded.Count == current.Count
                && current.All(pair => recorded.TryGetValue(pair.Key, out var digest) && digest == pair.Value);
        }

        return selection.Names.All(name =>
            recorded.TryGetValue(name, out var before) && current.TryGetValue(name, out var now) && before == now);
    }

    private sealed class NeverUseValidator : CacheValidator
    {
        public override CacheSelection Inputs => CacheSelection.None;

        public override CacheSelection Parameters => CacheSelection.None;

        public override bool IsValid(CacheEntry entry, CacheValidationContext current) => false;

        public override string ToString() => "NeverUse";
    }

    private sealed class DigestValidator(string name, CacheSelection inputs, CacheSelection parameters) : CacheValidator
    {
        public override CacheSelection Inputs => inputs;

        public override CacheSelection Parameters => parameters;

        public override bool IsValid(CacheEntry entry, CacheValidationContext current) =>
            Unexpired(entry, current)
            && Match(inputs, entry.InputDigests, current.InputDigests)
            && Match(parameters, entry.ParameterDigests, current.ParameterDigests);

        public override string ToString() =>
            inputs.IsNone && parameters.IsNone ? name : $"{name}({(inputs.IsNone ? parameters : inputs)})";
    }
}
