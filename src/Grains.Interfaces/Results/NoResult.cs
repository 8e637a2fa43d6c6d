using System.Text.Json.Serialization;
using Tributary.Handlers;

namespace Tributary.Results;

/// <summary>
/// The single object that means "no computation happened": the output of a task that never ran.
/// </summary>
/// <remarks>
/// Its <see cref="Value"/>, <see cref="SafeValue"/>, <see cref="ToResultAsync"/> and
/// <see cref="StoreSafeValueAsync"/> all give <see cref="Instance"/> itself. It is not a
/// <see cref="Result"/> whose value is null, and compares equal only to itself. It round-trips as itself through
/// System.Text.Json (<see cref="NoResultJsonConverter"/>) and Orleans serialization (<see cref="NoResultSurrogateConverter"/>).
/// </remarks>
[JsonConverter(typeof(NoResultJsonConverter))]
public sealed class NoResult : ResultBase
{
    private static readonly Task<ResultBase> Completed = Task.FromResult<ResultBase>(new NoResult());

    private NoResult()
    {
    }

    /// <summary>The one instance.</summary>
    public static NoResult Instance { get; } = (NoResult)Completed.Result;

    /// <inheritdoc />
    /// <remarks>Always <see cref="Instance"/>.</remarks>
    public override object Value => this;

    /// <inheritdoc />
    /// <remarks>Always <see cref="Instance"/>.</remarks>
    public override ResultBase SafeValue => this;

    /// <inheritdoc />
    /// <remarks>Writes nothing and gives <see cref="Instance"/>.</remarks>
    public override Task<ResultBase> StoreSafeValueAsync(CancellationToken cancellationToken = default) => Completed;

    /// <inheritdoc />
    /// <remarks>Reads nothing and gives <see cref="Instance"/>.</remarks>
    public override Task<ResultBase> ToResultAsync(IResultHandlerCatalog? handlers = null, CancellationToken cancellationToken = default) => Completed;

    /// <inheritdoc />
    public override string ToString() => "NoResult";
}
