using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tributary.Handlers;
using Tributary.Serialization;

namespace Tributary.Results;

/// <summary>
/// The safe representation of a stored <see cref="Result"/>: the JSON that its handler's write returned
/// (a URI, an absolute path, or for the JSON handler the data itself) and a description of that handler.
/// </summary>
/// <remarks>
/// This is the only form of a task output that orchestration state holds. It carries no credentials: the
/// <see cref="Handler"/> description names the handler kind and non-secret settings, from which any host
/// rebuilds the handler with its own configured credentials (see <see cref="IResultHandlerCatalog"/>).
/// </remarks>
[GenerateSerializer, Immutable, Alias("tributary.safe-result")]
public sealed class SafeResult : ResultBase, IEquatable<SafeResult>
{
    // The handler that wrote this safe value, kept while in memory so ToResultAsync needs no catalog;
    // never serialized (it has no [Id]) and never persisted.
    [NonSerialized]
    private readonly IResultHandler? _writer;

    /// <summary>Creates a safe result from its parts, as read from state or from another process.</summary>
    /// <param name="json">The handler's write output as JSON text.</param>
    /// <param name="handler">The description of the handler that wrote it.</param>
    /// <param name="valueTypeName">The type the value was written as (see <see cref="ValueTypeName"/>), if known.</param>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not valid JSON.</exception>
    public SafeResult(string json, ResultHandlerDescriptor handler, string? valueTypeName = null)
        : this(json, handler, valueTypeName, writer: null)
    {
        SafeJson.Parse(json, nameof(json));
    }

    internal SafeResult(string json, ResultHandlerDescriptor handler, string? valueTypeName, IResultHandler? writer)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(handler);
        Json = json;
        Handler = handler;
        ValueTypeName = valueTypeName;
        _writer = writer;
    }

    /// <summary>The handler's write output, as compact JSON text.</summary>
    [Id(0)]
    public string Json { get; }

    /// <summary>Which handler wrote it: kind and non-secret settings.</summary>
    [Id(1)]
    public ResultHandlerDescriptor Handler { get; }

    /// <summary>
    /// The C# type the value was written as ("Namespace.Type, Assembly", without version), so that an untyped
    /// <see cref="ToResultAsync"/> gives the value back as that type. <see langword="null"/> when unknown.
    /// </summary>
    [Id(2)]
    public string? ValueTypeName { get; }

    /// <inheritdoc />
    /// <remarks>The safe representation as a <see cref="JsonNode"/> (a new node each call); <see langword="null"/> for JSON null.</remarks>
    public override object? Value => SafeJson.Parse(Json, nameof(Json));

    /// <inheritdoc />
    /// <remarks>A safe result is its own safe value (not written as JSON: it would repeat itself without end).</remarks>
    [JsonIgnore]
    public override ResultBase SafeValue => this;

    /// <inheritdoc />
    /// <remarks>Already stored: writes nothing and gives itself.</remarks>
    public override Task<ResultBase> StoreSafeValueAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ResultBase>(this);

    /// <inheritdoc />
    /// <remarks>
    /// Reads through the handler and gives a <see cref="Result"/> whose value is the original data (typed by
    /// <see cref="ValueTypeName"/>, or as a <see cref="JsonNode"/> when that type is unknown) and whose safe value
    /// is this safe result.
    /// </remarks>
    /// <exception cref="ResultLocationNotFoundException">The location is gone.</exception>
    /// <exception cref="InvalidOperationException">No handler instance is attached and no catalog was given.</exception>
    public override async Task<ResultBase> ToResultAsync(IResultHandlerCatalog? handlers = null, CancellationToken cancellationToken = default)
    {
        var type = ValueTypeName is null ? typeof(JsonNode) : TypeNames.Resolve(ValueTypeName);
        var handler = ResolveHandler(handlers);
        var value = await handler.ReadAsync(SafeJson.Parse(Json, nameof(Json)), type, cancellationToken).ConfigureAwait(false);
        return new Result(value, type, handler, this);
    }

    /// <summary>Reads through the handler and gives the original data typed as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to read the value as.</typeparam>
    /// <param name="handlers">Rebuilds the handler from its description; see <see cref="ToResultAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ResultLocationNotFoundException">The location is gone.</exception>
    public async Task<Result<T>> ToResultAsync<T>(IResultHandlerCatalog? handlers = null, CancellationToken cancellationToken = default)
    {
        var handler = ResolveHandler(handlers);
        var value = await handler.ReadAsync(SafeJson.Parse(Json, nameof(Json)), typeof(T), cancellationToken).ConfigureAwait(false);
        return new Result<T>((T)value!, handler, this);
    }

    /// <summary>Reads the original data through the handler as <paramref name="type"/>, without wrapping it in a result.</summary>
    /// <param name="type">The type to read the value as.</param>
    /// <param name="handlers">Rebuilds the handler from its description; see <see cref="ToResultAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ResultLocationNotFoundException">The location is gone.</exception>
    public Task<object?> ReadValueAsync(Type type, IResultHandlerCatalog? handlers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ResolveHandler(handlers).ReadAsync(SafeJson.Parse(Json, nameof(Json)), type, cancellationToken);
    }

    private IResultHandler ResolveHandler(IResultHandlerCatalog? handlers)
    {
        if (handlers is not null)
        {
            return handlers.GetHandler(Handler);
        }

        return _writer ?? throw new InvalidOperationException(
            $"This safe result (handler {Handler}) was deserialized and carries no handler instance; " +
            "pass an IResultHandlerCatalog that can rebuild the handler from its description.");
    }

    /// <inheritdoc />
    public bool Equals(SafeResult? other) =>
        other is not null && Json == other.Json && Handler.Equals(other.Handler) && ValueTypeName == other.ValueTypeName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SafeResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Json, Handler, ValueTypeName);

    /// <inheritdoc />
    public override string ToString() => $"SafeResult({Json}, handler {Handler})";
}
