using Tributary.Handlers;
using Tributary.Serialization;

namespace Tributary.Results;

/// <summary>
/// A task output: the data (<see cref="Value"/>), the handler that stores it (<see cref="ResultHandler"/>)
/// and, once stored, its safe representation (<see cref="SafeValue"/>).
/// </summary>
/// <remarks>
/// A Result lives in memory only (a task-run grain's activation, a grain-call message, the user's code);
/// it is never persisted as orchestration state, which holds <see cref="SafeResult"/>s.
/// </remarks>
public class Result : ResultBase, IEquatable<Result>
{
    private readonly object _storeLock = new();
    private Task<ResultBase>? _store;

    /// <summary>Creates a result that has not been stored yet.</summary>
    /// <param name="value">The data; may be <see langword="null"/>.</param>
    /// <param name="valueType">The C# type the value is read back as; must accept <paramref name="value"/>.</param>
    /// <param name="resultHandler">The handler that stores and reads the value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not assignable to <paramref name="valueType"/>.</exception>
    public Result(object? value, Type valueType, IResultHandler resultHandler)
        : this(value, valueType, resultHandler, safeValue: null)
    {
    }

    /// <summary>Creates a result whose safe value is already known (it was read back from it).</summary>
    internal Result(object? value, Type valueType, IResultHandler resultHandler, SafeResult? safeValue)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        ArgumentNullException.ThrowIfNull(resultHandler);
        if (value is not null && !valueType.IsInstanceOfType(value))
        {
            throw new ArgumentException(
                $"The value is a {value.GetType().FullName}, which is not assignable to the declared type {valueType.FullName}.",
                nameof(valueType));
        }

        Value = value;
        ValueType = valueType;
        ResultHandler = resultHandler;
        if (safeValue is not null)
        {
            _store = Task.FromResult<ResultBase>(safeValue);
        }
    }

    /// <summary>Creates a typed result.</summary>
    /// <typeparam name="T">The type the value is read back as.</typeparam>
    /// <param name="value">The data; may be <see langword="null"/>.</param>
    /// <param name="resultHandler">The handler that stores and reads the value.</param>
    public static Result<T> Create<T>(T value, IResultHandler resultHandler) => new(value, resultHandler);

    /// <inheritdoc />
    public override object? Value { get; }

    /// <summary>The C# type the value is stored as and read back as.</summary>
    public Type ValueType { get; }

    /// <summary>The handler that stores this value and reads it back.</summary>
    public IResultHandler ResultHandler { get; }

    /// <inheritdoc />
    /// <remarks>
    /// <see cref="NoResult.Instance"/> until <see cref="StoreSafeValueAsync(CancellationToken)"/> has completed.
    /// </remarks>
    public override ResultBase SafeValue =>
        _store is { IsCompletedSuccessfully: true } store ? store.Result : NoResult.Instance;

    /// <inheritdoc />
    /// <remarks>
    /// Writes exactly once, even when called concurrently; a failed write is not remembered, so a later
    /// call tries again. The handler's output is checked to be JSON only.
    /// </remarks>
    /// <exception cref="ResultHandlerContractException">The handler returned something that is not JSON.</exception>
    public override Task<ResultBase> StoreSafeValueAsync(CancellationToken cancellationToken = default)
    {
        lock (_storeLock)
        {
            if (_store is null || _store.IsFaulted || _store.IsCanceled)
            {
                _store = StoreCoreAsync(cancellationToken);
            }

            return _store;
        }
    }

    /// <summary>
    /// As <see cref="StoreSafeValueAsync(CancellationToken)"/>, writing under <paramref name="key"/> for handlers that place
    /// writes by key (see <see cref="IResultHandler.LocationOf"/>).
    /// </summary>
    /// <param name="key">What the value is: flow, run, task, attempt.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ResultHandlerContractException">The handler returned something that is not JSON.</exception>
    public Task<ResultBase> StoreSafeValueAsync(ResultKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_storeLock)
        {
            if (_store is null || _store.IsFaulted || _store.IsCanceled)
            {
                _store = StoreCoreAsync(key, cancellationToken);
            }

            return _store;
        }
    }

    /// <inheritdoc />
    /// <remarks>A result is already a result: gives itself.</remarks>
    public override Task<ResultBase> ToResultAsync(IResultHandlerCatalog? handlers = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<ResultBase>(this);

    private async Task<ResultBase> StoreCoreAsync(CancellationToken cancellationToken)
    {
        var location = await ResultHandler.WriteAsync(Value, ValueType, cancellationToken).ConfigureAwait(false);
        var json = SafeJson.ToCheckedJson(location, ResultHandler.Descriptor);
        return new SafeResult(json, ResultHandler.Descriptor, TypeNames.Of(ValueType), ResultHandler);
    }

    private async Task<ResultBase> StoreCoreAsync(ResultKey key, CancellationToken cancellationToken)
    {
        var location = await ResultHandler.WriteAsync(Value, ValueType, key, cancellationToken).ConfigureAwait(false);
        var json = SafeJson.ToCheckedJson(location, ResultHandler.Descriptor);
        return new SafeResult(json, ResultHandler.Descriptor, TypeNames.Of(ValueType), ResultHandler);
    }

    /// <inheritdoc />
    public bool Equals(Result? other) =>
        other is not null
        && GetType() == other.GetType()
        && Equals(Value, other.Value)
        && ResultHandler.Descriptor.Equals(other.ResultHandler.Descriptor);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Result other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, ResultHandler.Descriptor);

    /// <inheritdoc />
    public override string ToString() => $"Result({ValueType.Name}, handler {ResultHandler.Descriptor})";
}
