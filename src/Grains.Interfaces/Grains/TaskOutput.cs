using Tributary.Handlers;
using Tributary.Results;

namespace Tributary.Grains;

/// <summary>
/// A task's output as it passes from an upstream task-run grain to a downstream one: the serialized raw value (a
/// grain-call message is one of the places raw data may be), its stored safe value if any, and its handler.
/// Never persisted.
/// </summary>
[GenerateSerializer, Immutable, Alias("tributary.task-output")]
public sealed class TaskOutput
{
    /// <summary>The value, serialized by the host's result serializer; empty when <see cref="ByReference"/>.</summary>
    [Id(0)]
    public required byte[] Payload { get; init; }

    /// <summary>
    /// Whether only the output's checkpoint was given (<see cref="SafeValue"/>): the caller reads the value through its
    /// handler itself, instead of the upstream grain copying it into a message.
    /// </summary>
    [Id(4)]
    public bool ByReference { get; init; }

    /// <summary>The handler the hierarchy chose for this output; a downstream retry stores the value through it.</summary>
    [Id(1)]
    public required ResultHandlerDescriptor Handler { get; init; }

    /// <summary>The output's safe value if it is already stored (a checkpoint), so a retry need not store it again.</summary>
    [Id(2)]
    public SafeResult? SafeValue { get; init; }

    /// <summary>The type the value was produced as.</summary>
    [Id(3)]
    public required string ValueTypeName { get; init; }
}
