namespace Tributary.Caching;

/// <summary>
/// Decides whether a cache entry may answer for a task run instead of running the task's code. The built-in validators
/// are on <see cref="CacheValidator"/>; implement this interface for one of your own and set it as
/// <see cref="Flows.TaskOptions.CacheValidator"/>.
/// </summary>
/// <remarks>
/// <para>
/// Contract: <see cref="IsValid"/> is called on the silo that runs the task, once per entry under the task's key, newest
/// entry first, until it returns <see langword="true"/>; the first valid entry's result is read back through its handler
/// and the task's code does not run. It must be quick, must not block or throw (an exception counts as invalid and is
/// logged), and must decide from its arguments alone: it is given no raw values, only keyed digests of them.
/// </para>
/// <para>
/// <see cref="Inputs"/> and <see cref="Parameters"/> say which of the task's inputs and of the run's parameters it
/// compares: a new entry records the digests of those (and only those), and <see cref="IsValid"/> gets the current
/// run's digests of the same. An entry made when another selection was in force may lack a digest the validator asks
/// for; treat that as invalid.
/// </para>
/// <para>
/// A digest is an HMAC-SHA256 (keyed with <c>Tributary:Cache:DigestKey</c>) of the value's canonical JSON (the result
/// serializer's System.Text.Json form, object members sorted by name, numbers normalized): two values are equal when their
/// JSON is, whatever their object identity. A user's own type is therefore compared by its JSON serialization: members
/// that JSON leaves out (ignored or non-public ones) do not count.
/// </para>
/// </remarks>
public interface ICacheValidator
{
    /// <summary>Which task inputs (by input name) the validator compares.</summary>
    CacheSelection Inputs { get; }

    /// <summary>Which run parameters (by parameter name) the validator compares.</summary>
    CacheSelection Parameters { get; }

    /// <summary>Whether <paramref name="entry"/> may answer for the run described by <paramref name="current"/>.</summary>
    /// <param name="entry">The cache entry, with the digests recorded when it was made.</param>
    /// <param name="current">Now, and the digests of the current inputs and parameters that <see cref="Inputs"/> and <see cref="Parameters"/> select.</param>
    bool IsValid(CacheEntry entry, CacheValidationContext current);
}
