using Tributary.Handlers;

namespace Tributary.Results;

/// <summary>
/// What every task output has in common: a <see cref="Result"/> (the data and its handler),
/// a <see cref="SafeResult"/> (the safe, JSON-compatible location the handler wrote) or
/// <see cref="NoResult"/> (no computation happened).
/// </summary>
/// <remarks>
/// The three kinds never compare equal to one another: a <see cref="Result"/> whose value is
/// <see langword="null"/> is a computation that returned null, which is not <see cref="NoResult"/>.
/// </remarks>
// Serializable (it has no state of its own) so that Orleans can serialize SafeResult, which derives from it: Orleans
// needs a serializer for every base type.
[GenerateSerializer, Alias("tributary.result-base")]
public abstract class ResultBase
{
    /// <summary>
    /// The data: the raw value for a <see cref="Result"/>, the JSON safe representation for a
    /// <see cref="SafeResult"/>, and <see cref="NoResult.Instance"/> itself for <see cref="NoResult"/>.
    /// </summary>
    public abstract object? Value { get; }

    /// <summary>
    /// The safe representation: a <see cref="SafeResult"/> once stored, otherwise <see cref="NoResult.Instance"/>.
    /// A <see cref="SafeResult"/> is its own safe value.
    /// </summary>
    public abstract ResultBase SafeValue { get; }

    /// <summary>
    /// Writes the value through its handler once and returns the resulting safe value.
    /// Calling it again returns the same safe value without writing again.
    /// </summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    public abstract Task<ResultBase> StoreSafeValueAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives the <see cref="Result"/> with the original data: a <see cref="Result"/> returns itself,
    /// a <see cref="SafeResult"/> reads through its handler, <see cref="NoResult"/> returns itself.
    /// </summary>
    /// <param name="handlers">
    /// Rebuilds the handler from its description when the safe result was deserialized (read from state or
    /// received from another process). May be <see langword="null"/> when the safe result still carries the
    /// handler instance that wrote it.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public abstract Task<ResultBase> ToResultAsync(IResultHandlerCatalog? handlers = null, CancellationToken cancellationToken = default);
}
