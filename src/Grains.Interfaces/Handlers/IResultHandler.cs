using System.Text.Json.Nodes;
using Tributary.Results;

namespace Tributary.Handlers;

/// <summary>
/// Reads and writes task outputs. A handler decides where a value lives (a directory, a blob container, the
/// orchestration state itself) and returns a JSON location from which it can read the value back.
/// </summary>
/// <remarks>
/// <para>Invariants every handler keeps, and that the conformance suite checks:</para>
/// <list type="bullet">
/// <item><description><see cref="WriteAsync(object?, Type, CancellationToken)"/> returns JSON only: strings, numbers, booleans, null, arrays and
/// objects of those. Anything else (a <see cref="JsonValue"/> wrapping a CLR object, NaN) is refused with a
/// <see cref="ResultHandlerContractException"/> when a result is stored.</description></item>
/// <item><description>Except for the JSON handler, whose output is the data by design, the returned location holds
/// no raw data: it is a path, a URI or a key.</description></item>
/// <item><description>Each write of a value gets its own location; concurrent writes never share one.</description></item>
/// <item><description><see cref="ReadAsync"/> of a location that is gone throws
/// <see cref="ResultLocationNotFoundException"/> naming the location and the handler; it never gives null instead.</description></item>
/// <item><description>The returned location is readable by any host whose catalog rebuilds this handler from
/// <see cref="Descriptor"/>.</description></item>
/// </list>
/// </remarks>
public interface IResultHandler
{
    /// <summary>The serializable, credential-free description from which a catalog rebuilds this handler.</summary>
    ResultHandlerDescriptor Descriptor { get; }

    /// <summary>Stores a value and returns where it lives, as JSON.</summary>
    /// <param name="value">The value; may be <see langword="null"/>.</param>
    /// <param name="valueType">The type to serialize the value as.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A JSON location (for the JSON handler, the value as JSON; <see langword="null"/> means JSON null).</returns>
    Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default);

    /// <summary>Reads a value back from a location that <see cref="WriteAsync(object?, Type, CancellationToken)"/> returned.</summary>
    /// <param name="location">The location as written.</param>
    /// <param name="valueType">The type to read the value as.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ResultLocationNotFoundException">Nothing is stored at <paramref name="location"/> any more.</exception>
    Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes what is stored at a location, if anything (deleting twice, or a location already gone, is not an error).
    /// Tributary calls it for copies it made itself and no longer needs: inputs cached for a retry that succeeded.
    /// </summary>
    /// <param name="location">The location as written.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <remarks>The default deletes nothing, for handlers whose storage has its own retention.</remarks>
    Task DeleteAsync(JsonNode? location, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// Stores a value under a key that names it (flow, run, task, attempt), for handlers that place writes by key
    /// (see <see cref="LocationOf"/>). The default ignores the key and writes as <see cref="WriteAsync(object?, Type, CancellationToken)"/>.
    /// </summary>
    /// <param name="value">The value; may be <see langword="null"/>.</param>
    /// <param name="valueType">The type to serialize the value as.</param>
    /// <param name="key">What the value is. Writing the same key twice stores the same value again (the engine writes a
    /// key only for one attempt's output), and never touches another key's location.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<JsonNode?> WriteAsync(object? value, Type valueType, ResultKey key, CancellationToken cancellationToken = default) =>
        WriteAsync(value, valueType, cancellationToken);

    /// <summary>
    /// Where a keyed write of <paramref name="key"/> goes (the JSON <see cref="WriteAsync(object?, Type, ResultKey, CancellationToken)"/>
    /// returns), computed without writing; <see langword="null"/> (the default) for a handler that does not place writes
    /// by key. The engine uses it to find a checkpoint written just before a crash, whose location no state recorded.
    /// </summary>
    /// <param name="key">The key.</param>
    JsonNode? LocationOf(ResultKey key) => null;
}
