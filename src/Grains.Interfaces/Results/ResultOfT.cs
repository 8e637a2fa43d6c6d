using Tributary.Handlers;

namespace Tributary.Results;

/// <summary>A <see cref="Result"/> whose value is typed as <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The type the value is stored as and read back as.</typeparam>
public sealed class Result<T> : Result
{
    /// <summary>Creates a typed result that has not been stored yet.</summary>
    /// <param name="value">The data; may be <see langword="null"/> where <typeparamref name="T"/> allows it.</param>
    /// <param name="resultHandler">The handler that stores and reads the value.</param>
    public Result(T value, IResultHandler resultHandler)
        : base(value, typeof(T), resultHandler)
    {
    }

    internal Result(T value, IResultHandler resultHandler, SafeResult safeValue)
        : base(value, typeof(T), resultHandler, safeValue)
    {
    }

    /// <summary>The data, typed.</summary>
    public new T Value => (T)base.Value!;
}
