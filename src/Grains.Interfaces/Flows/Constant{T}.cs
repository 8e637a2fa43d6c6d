using System.Text.Json;
using Tributary.Serialization;

namespace Tributary.Flows;

/// <summary>
/// A value fixed in the flow's definition, made by <see cref="FlowBuilder.Constant{T}(T)"/>. It is kept as JSON: it
/// is part of <see cref="FlowDefinition.Version"/> (changing it gives a new version), it is not run state (nothing is
/// stored per run), and each attempt receives its own copy read from the JSON, so a task that changes its copy changes
/// no other attempt's.
/// </summary>
/// <typeparam name="T">The value's type; it must round-trip through System.Text.Json.</typeparam>
public sealed class Constant<T> : Node<T>
{
    internal Constant(T value)
        : base(owner: null)
    {
        Json = JsonSerializer.Serialize(value, SystemTextJsonResultSerializer.Default.Options);
    }

    /// <summary>The value as JSON, as the version hash and each attempt read it.</summary>
    public string Json { get; }

    internal override FlowNode? GraphNode => null;

    internal override Func<IReadOnlyList<object?>, object?> Bind(TypedBinding binding, string inputName)
    {
        binding.AddConstant(inputName, Json);
        var json = Json;
        return _ => JsonSerializer.Deserialize<T>(json, SystemTextJsonResultSerializer.Default.Options);
    }
}
